import Host
import XCTest

/// Options tables of `aws.client` and the client methods: a value that cannot be meant is an error naming it.
final class LuaTableOptionsTests: XCTestCase {
    func testClientTimeoutsMustBeFiniteAndNotNegative() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1"])
        for (option, value, shown) in [
            ("timeout", "0/0", "NaN"), ("timeout", "math.huge", "inf"), ("connect_timeout", "-5", "-5.0"),
        ] {
            let message = try evaluate(
                state, "local ok, e = pcall(aws.client, 's3', {\(option) = \(value)}) return tostring(e)")
            XCTAssertEqual(
                message,
                .string(
                    "ValidationError: aws.client: option '\(option)' must be a finite number, 0 or more, got \(shown)"))
        }
    }
}
