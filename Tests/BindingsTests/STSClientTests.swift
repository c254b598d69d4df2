import Host
import XCTest

final class STSClientTests: XCTestCase {
    func testCallerIdentity() throws {
        let lua = try makeEmulatorState()
        let result = try lua.run("local id = aws.client('sts'):get_caller_identity() return id.Account, id.Arn")
        XCTAssertEqual(result[0], .string("123456789012"))
        XCTAssertTrue(result[1].stringValue?.hasPrefix("arn:aws:") ?? false)
    }
}
