import Host
import XCTest

final class AWSModuleTests: XCTestCase {
    func testRequireGivesTheSameTableAsTheGlobal() throws {
        let state = makeState()
        XCTAssertEqual(try evaluate(state, "return rawequal(require('aws'), aws)"), .boolean(true))
    }
}

final class TimeFunctionsTests: XCTestCase {
    func testSleepWaitsAndTheClockSeesIt() throws {
        let state = makeState()
        let result = try state.run("local t = aws.clock() aws.sleep(0.2) return aws.clock() - t")
        let elapsed = try XCTUnwrap(result.first?.numberValue)
        XCTAssertGreaterThanOrEqual(elapsed, 0.19)
        XCTAssertLessThan(elapsed, 2)
    }

    func testANegativeSleepIsAnError() throws {
        let state = makeState()
        let message = try evaluate(state, "local ok, e = pcall(aws.sleep, -1) return e")
        XCTAssertTrue(message.stringValue?.contains("bad argument #1 to 'sleep'") ?? false, "\(message)")
    }
}

final class LuaClientLifetimeTests: XCTestCase {
    func testAMethodIsTheSameFunctionEachTime() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run("local g = aws.client('glue') return g.get_databases == g.get_databases")
        XCTAssertEqual(result, [true])
    }

    func testAClientLuaLetGoOfIsFreedEvenWhenItsMethodsWereUsed() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run(
            """
            local c = aws.client("glue")
            local method = c.get_databases
            c = nil
            collectgarbage() collectgarbage()
            local ok, e = pcall(method, nil)
            return ok, e
            """)
        XCTAssertEqual(result.first, false)
        XCTAssertTrue(result.last?.stringValue?.contains("its client was collected") ?? false, "\(result)")
    }
}
