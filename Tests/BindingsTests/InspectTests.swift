import Host
import XCTest

final class InspectTests: XCTestCase {
    func testDepthLimitsNesting() throws {
        let state = makeState()
        let text = try evaluate(state, "return aws.inspect({a = {b = {c = 1}}}, {depth = 1})")
        XCTAssertEqual(text, .string("{ a = {...} }"))
    }

    func testCyclesAreMarked() throws {
        let state = makeState()
        let text = try evaluate(state, "local t = {name = 'x'} t.me = t return aws.inspect(t)")
        XCTAssertEqual(text, .string(#"{ me = <cycle>, name = "x" }"#))
    }

    func testMisspeltOptionIsAnError() throws {
        let state = makeState()
        let message = try evaluate(state, "local ok, e = pcall(aws.inspect, {1}, {dept = 1}) return tostring(e)")
        XCTAssertEqual(
            message, .string("ValidationError: aws.inspect: unknown option 'dept' (did you mean depth?); known: depth"))
    }
}
