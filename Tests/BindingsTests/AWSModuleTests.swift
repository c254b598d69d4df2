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
