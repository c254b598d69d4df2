import XCTest

@testable import AWSCore

/// A scripted service: each poll takes the next outcome; a fake clock that sleeping advances.
final class ScriptedPolls {
    enum Outcome {
        case response(JSONValue)
        case error(AWSError)
    }
    var outcomes: [Outcome]
    var inputs: [JSONValue] = []
    var now: Double = 1_700_000_000
    var slept: [Double] = []

    init(_ outcomes: [Outcome]) { self.outcomes = outcomes }

    func call(_ input: JSONValue) throws -> JSONValue {
        inputs.append(input)
        let next = outcomes.count > 1 ? outcomes.removeFirst() : outcomes[0]
        switch next {
        case .response(let value): return value
        case .error(let error): throw error
        }
    }

    func options(_ configure: (inout WaiterOptions) -> Void = { _ in }) -> WaiterOptions {
        var options = WaiterOptions(
            sleep: { [unowned self] in
                self.slept.append($0)
                self.now += $0
            }, clock: { [unowned self] in self.now })
        configure(&options)
        return options
    }
}

func waiterJSON(_ text: String) -> JSONValue { (try? JSONDecoding.decode(text)) ?? .null }

func state(_ value: String) -> ScriptedPolls.Outcome { .response(.object(["State": .string(value)])) }

func serviceError(_ code: String, status: Int = 400) -> ScriptedPolls.Outcome {
    .error(AWSError(code: code, message: "\(code) happened", status: status))
}

private let stateWaiter = waiterJSON(
    #"""
    {"operation": "Describe", "delay": 10, "maxAttempts": 5, "acceptors": [
      {"state": "success", "matcher": "path", "argument": "State", "expected": "DONE"},
      {"state": "failure", "matcher": "path", "argument": "State", "expected": "BROKEN"},
      {"state": "retry", "matcher": "path", "argument": "State", "expected": "BUSY"},
      {"state": "retry", "matcher": "error", "expected": "NotYet"}]}
    """#)

final class WaiterTests: XCTestCase {
    func testPollsUntilSuccessAndReturnsTheLastResponse() throws {
        let polls = ScriptedPolls([state("BUSY"), serviceError("NotYet"), state("BUSY"), state("DONE")])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options())
        let result = try waiter.wait(call: polls.call, input: waiterJSON(#"{"Id": "x"}"#))
        XCTAssertEqual(result["State"], .string("DONE"))
        XCTAssertEqual(polls.inputs.count, 4)
        XCTAssertEqual(polls.inputs.first?["Id"], .string("x"))
        XCTAssertEqual(polls.slept.reduce(0, +), 30, accuracy: 1e-9)
        XCTAssertTrue(polls.slept.allSatisfy { $0 <= 0.05 + 1e-9 }, "sleeps in slices")
    }

    func testAnExpressionThatFailsOnTheResponseIsRaisedNotTakenAsNoMatch() throws {
        let polls = ScriptedPolls([.response(.object(["Count": .integer(3)]))])
        let broken = waiterJSON(
            #"{"operation": "Describe", "delay": 1, "maxAttempts": 5, "acceptors": ["#
                + #"{"state": "success", "matcher": "path", "argument": "length(Count)", "expected": 3}]}"#)
        let waiter = try Waiter(name: "Broken", definition: broken, options: polls.options())
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JMESPathInvalidType")
        }
        XCTAssertEqual(polls.inputs.count, 1, "no second poll after the expression failed")
    }

    func testAFailureAcceptorEndsWithWaiterFailed() throws {
        let polls = ScriptedPolls([state("BUSY"), state("BROKEN")])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options())
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "WaiterFailed")
            XCTAssertEqual(error?.fields["waiter"], .string("Done"))
            XCTAssertEqual(error?.fields["attempts"], .integer(2))
            XCTAssertEqual(error?.fields["last_state"], .string("BROKEN"))
            XCTAssertTrue(error?.message.contains("Done") ?? false)
            XCTAssertTrue(error?.message.contains("BROKEN") ?? false)
        }
    }

    func testMaxAttemptsEndsWithWaiterTimeoutNamingTheLastState() throws {
        let polls = ScriptedPolls([state("BUSY")])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options { $0.maxAttempts = 3 })
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "WaiterTimeout")
            XCTAssertEqual(error?.fields["attempts"], .integer(3))
            XCTAssertEqual(error?.fields["last_state"], .string("BUSY"))
        }
        XCTAssertEqual(polls.inputs.count, 3)
    }

    func testTimeoutEndsTheWaitAfterTheGivenSeconds() throws {
        let polls = ScriptedPolls([state("BUSY")])
        let waiter = try Waiter(
            name: "Done", definition: stateWaiter,
            options: polls.options {
                $0.timeout = 25
                $0.maxAttempts = 100
            })
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "WaiterTimeout")
            XCTAssertEqual((error as? AWSError)?.fields["reason"], .string("timeout"))
        }
        XCTAssertEqual(polls.slept.reduce(0, +), 25, accuracy: 0.001)
        XCTAssertEqual(polls.inputs.count, 4, "polls at 0, 10, 20 and at the deadline")
    }

    func testTheLastErrorIsReportedWhenTimingOutOnIt() throws {
        let polls = ScriptedPolls([serviceError("NotYet", status: 404)])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options { $0.maxAttempts = 2 })
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "WaiterTimeout")
            XCTAssertEqual(error?.fields["error_code"], .string("NotYet"))
            XCTAssertEqual(error?.fields["last_state"], .string("NotYet"))
        }
    }

    func testAnUnmatchedErrorEndsTheWaitWithThatError() throws {
        let polls = ScriptedPolls([state("BUSY"), serviceError("AccessDenied", status: 403)])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options())
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "AccessDenied")
        }
        XCTAssertEqual(polls.inputs.count, 2)
    }

    func testAnUnmatchedResponseKeepsPolling() throws {
        let polls = ScriptedPolls([state("SOMETHING_NEW"), state("DONE")])
        let waiter = try Waiter(name: "Done", definition: stateWaiter, options: polls.options())
        XCTAssertEqual(try waiter.wait(call: polls.call, input: .null)["State"], .string("DONE"))
    }

    func testPathAllAndPathAny() throws {
        let definition = waiterJSON(
            #"""
            {"operation": "List", "delay": 1, "maxAttempts": 5, "acceptors": [
              {"state": "failure", "matcher": "pathAny", "argument": "Items[].S", "expected": "bad"},
              {"state": "success", "matcher": "pathAll", "argument": "Items[].S", "expected": "ok"}]}
            """#)
        func items(_ states: [String]) -> ScriptedPolls.Outcome {
            .response(.object(["Items": .array(states.map { .object(["S": .string($0)]) })]))
        }
        let polls = ScriptedPolls([items([]), items(["ok", "wait"]), items(["ok", "ok"])])
        XCTAssertNotNil(
            try Waiter(name: "All", definition: definition, options: polls.options()).wait(
                call: polls.call, input: .null))
        XCTAssertEqual(polls.inputs.count, 3, "an empty list is not all ok")

        let failing = ScriptedPolls([items(["ok", "bad"])])
        XCTAssertThrowsError(
            try Waiter(name: "All", definition: definition, options: failing.options()).wait(
                call: failing.call, input: .null)
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "WaiterFailed")
        }
    }

    func testStatusAndErrorMatchersAndErrorSuccess() throws {
        let definition = waiterJSON(
            #"""
            {"operation": "Head", "delay": 1, "maxAttempts": 5, "acceptors": [
              {"state": "success", "matcher": "status", "expected": 404},
              {"state": "retry", "matcher": "error", "expected": false}]}
            """#)
        let polls = ScriptedPolls([.response(.object([:])), serviceError("NotFound", status: 404)])
        let result = try Waiter(name: "Gone", definition: definition, options: polls.options()).wait(
            call: polls.call, input: .null)
        XCTAssertEqual(result["Error"]?["Code"], .string("NotFound"))
        XCTAssertEqual(result["ResponseMetadata"]?["HTTPStatusCode"], .integer(404))

        let anyError = waiterJSON(
            #"{"operation": "Get", "acceptors": [{"state": "success", "matcher": "error", "expected": true}, {"state": "retry", "matcher": "status", "expected": 200}]}"#
        )
        let second = ScriptedPolls([.response(.object([:])), serviceError("Whatever")])
        XCTAssertNotNil(
            try Waiter(name: "Err", definition: anyError, options: second.options()).wait(
                call: second.call, input: .null))
        XCTAssertEqual(second.inputs.count, 2)
    }

    func testStatusOfASuccessComesFromResponseMetadata() throws {
        let definition = waiterJSON(
            #"{"operation": "Head", "acceptors": [{"state": "success", "matcher": "status", "expected": 301}]}"#)
        let polls = ScriptedPolls([.response(.object(["ResponseMetadata": .object(["HTTPStatusCode": .integer(301)])]))]
        )
        XCTAssertNotNil(
            try Waiter(name: "Moved", definition: definition, options: polls.options()).wait(
                call: polls.call, input: .null))
    }

    func testProgressAndOnPollSeeEveryAttempt() throws {
        let polls = ScriptedPolls([state("BUSY"), serviceError("NotYet"), state("DONE")])
        var seen: [WaiterProgress] = []
        var polled: [(String?, String?, Int)] = []
        let waiter = try Waiter(
            name: "Done", definition: stateWaiter,
            options: polls.options {
                $0.progress = { seen.append($0) }
                $0.onPoll = { response, error, attempt in
                    polled.append((response?["State"]?.stringValue, error?.code, attempt))
                }
            })
        _ = try waiter.wait(call: polls.call, input: .null)
        XCTAssertEqual(seen.map(\.state), ["BUSY", "NotYet", "DONE"])
        XCTAssertEqual(seen.map(\.attempt), [1, 2, 3])
        for (progress, expected) in zip(seen, [0.0, 10, 20]) {
            XCTAssertEqual(progress.elapsed, expected, accuracy: 0.001)
        }
        XCTAssertEqual(seen.map(\.outcome), [.retry, .retry, .success])
        XCTAssertEqual(polled.map(\.0), ["BUSY", nil, "DONE"])
        XCTAssertEqual(polled.map(\.1), [nil, "NotYet", nil])
        XCTAssertEqual(polled.map(\.2), [1, 2, 3])
    }

    func testOnPollCanStopTheWait() throws {
        let polls = ScriptedPolls([state("BUSY")])
        let waiter = try Waiter(
            name: "Done", definition: stateWaiter,
            options: polls.options {
                $0.onPoll = { _, _, attempt in if attempt == 2 { throw AWSError(code: "Enough", message: "") } }
            })
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "Enough")
        }
        XCTAssertEqual(polls.inputs.count, 2)
    }

    func testCancellationIsNoticedWhileSleeping() throws {
        let polls = ScriptedPolls([state("BUSY")])
        var cancelAt: Double = .infinity
        let waiter = try Waiter(
            name: "Done", definition: stateWaiter,
            options: polls.options { options in
                options.isCancelled = { polls.now >= cancelAt }
                options.progress = { _ in cancelAt = polls.now + 3 }
            })
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "Cancelled")
        }
        XCTAssertEqual(polls.inputs.count, 1)
        XCTAssertEqual(polls.now - 1_700_000_000, 3, accuracy: 0.1, "stopped within a slice of the cancellation")
    }

    func testDelayOverride() throws {
        let polls = ScriptedPolls([state("BUSY"), state("DONE")])
        _ = try Waiter(name: "Done", definition: stateWaiter, options: polls.options { $0.delay = 2 }).wait(
            call: polls.call, input: .null)
        XCTAssertEqual(polls.slept.reduce(0, +), 2, accuracy: 1e-9)
    }

    func testProgressLine() {
        let progress = WaiterProgress(
            waiter: "CrawlerReady", attempt: 4, elapsed: 12.7, state: "RUNNING", outcome: .retry)
        XCTAssertEqual(
            WaiterProgressLine(progress, name: "crawler_ready").text,
            "waiting for crawler_ready: RUNNING (12s, attempt 4)")
        XCTAssertEqual(WaiterProgressLine(progress).text, "waiting for CrawlerReady: RUNNING (12s, attempt 4)")
        XCTAssertEqual(WaiterProgressLine.duration(125), "2m05s")
        XCTAssertEqual(WaiterProgressLine.duration(3720), "1h02m")
    }
}
