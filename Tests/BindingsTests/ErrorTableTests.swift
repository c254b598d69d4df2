import AWSCore
import Host
import XCTest

final class ErrorTableTests: XCTestCase {
    func testAnAWSErrorBecomesATableWithItsFieldsAndTheCallersPosition() throws {
        let state = makeState()
        state.register("fail") { _ in
            throw AWSError(
                code: "EntityAlreadyExists", message: "Role r exists", status: 409, requestID: "req-1",
                service: "iam", operation: "CreateRole", fields: ["Detail": .string("extra")])
        }
        let result = try state.run(
            """
            local ok, e = pcall(function() fail() end)
            return e.code, e.message, e.status, e.request_id, e.Detail, e.retryable, tostring(e)
            """, name: "@demo.lua")
        XCTAssertEqual(
            Array(result[0..<6]),
            [
                .string("EntityAlreadyExists"), .string("Role r exists"), .integer(409), .string("req-1"),
                .string("extra"), .boolean(false),
            ])
        XCTAssertEqual(result[6], .string("demo.lua:1: EntityAlreadyExists: Role r exists (iam.CreateRole, HTTP 409)"))
    }

    func testAnUncaughtAWSErrorReachesSwiftWithItsText() throws {
        let state = makeState()
        state.register("fail") { _ in throw AWSError(code: "NoSuchBucket", message: "gone") }
        XCTAssertThrowsError(try state.run("fail()", name: "=script")) { error in
            XCTAssertEqual((error as? LuaError)?.message, "script:1: NoSuchBucket: gone")
        }
    }
}
