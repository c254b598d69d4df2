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

    func testASleepTooLongToEndIsRefusedLikeMathHuge() throws {
        let state = makeState()
        for argument in ["1e300", "math.huge", "9.3e9"] {
            let message = try evaluate(state, "local ok, e = pcall(aws.sleep, \(argument)) return tostring(e)")
            XCTAssertTrue(
                message.stringValue?.contains("longer than the longest sleep") ?? false, "\(argument): \(message)")
        }
    }

    func testNaNAndNegativeSleepsSayWhatIsWrong() throws {
        let state = makeState()
        let nan = try evaluate(state, "local ok, e = pcall(aws.sleep, 0/0) return tostring(e)")
        XCTAssertTrue(nan.stringValue?.contains("NaN is not a number of seconds") ?? false, "\(nan)")
        let negative = try evaluate(state, "local ok, e = pcall(aws.sleep, -0.5) return tostring(e)")
        XCTAssertTrue(negative.stringValue?.contains("0 or more") ?? false, "\(negative)")
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
