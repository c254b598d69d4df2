import Foundation
import XCTest

@testable import AWSCore

/// The project's own Glue waiters (`models/glue/waiters-2.json`) on realistic GetCrawler,
/// GetJobRun and GetWorkflowRun sequences.
final class GlueWaiterTests: XCTestCase {
    private static let start: Double = 1_700_000_000

    private func model() throws -> WaiterModel {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("models/glue/waiters-2.json"))
        return try WaiterModel(try JSONDecoding.decode(Array(data)))
    }

    private func waiter(_ name: String, _ polls: ScriptedPolls, since: Double? = nil) throws -> Waiter {
        let found = try XCTUnwrap(try model().definition(named: name), name)
        var options = polls.options()
        options.since = since
        return Waiter(name: found.name, definition: found.definition, options: options)
    }

    private func crawler(_ state: String, last: String? = nil, started: Double? = nil) -> ScriptedPolls.Outcome {
        var crawler: [String: JSONValue] = ["Name": .string("c"), "State": .string(state)]
        if let last {
            var info: [String: JSONValue] = ["Status": .string(last)]
            if let started { info["StartTime"] = .string(Timestamp(epochSeconds: started).iso8601Seconds) }
            crawler["LastCrawl"] = .object(.init(uniqueKeysWithValues: info.map { ($0.key, $0.value) }))
        }
        return .response(.object(["Crawler": .object(.init(uniqueKeysWithValues: crawler.map { ($0.key, $0.value) }))]))
    }

    private func jobRun(_ state: String) -> ScriptedPolls.Outcome {
        .response(waiterJSON(#"{"JobRun": {"Id": "jr_1", "JobRunState": "\#(state)"}}"#))
    }

    func testTheGlueWaitersAreListedInBothForms() throws {
        let model = try model()
        for name in [
            "CrawlerReady", "CrawlerStopped", "JobRunSucceeded", "JobRunComplete", "DatabaseExists", "TableExists",
            "WorkflowRunComplete",
        ] {
            XCTAssertTrue(model.names.contains(name), name)
        }
        XCTAssertTrue(model.snakeNames.contains("crawler_ready"))
        XCTAssertEqual(try XCTUnwrap(model.definition(named: "job_run_complete")).definition.operation, "GetJobRun")
        XCTAssertEqual(try XCTUnwrap(model.definition(named: "crawler_ready")).definition.delay, 15)
        XCTAssertEqual(try XCTUnwrap(model.definition(named: "job_run_succeeded")).definition.maxAttempts, 240)
    }

    func testCrawlerReadyFollowsACrawlToSuccess() throws {
        let old = Self.start - 3600
        let polls = ScriptedPolls([
            crawler("RUNNING", last: "SUCCEEDED", started: old), crawler("RUNNING", last: "SUCCEEDED", started: old),
            crawler("STOPPING", last: "SUCCEEDED", started: old),
            crawler("READY", last: "SUCCEEDED", started: Self.start + 1),
        ])
        var states: [String] = []
        var waiter = try waiter("crawler_ready", polls)
        waiter.options.progress = { states.append($0.state) }
        let result = try waiter.wait(call: polls.call, input: waiterJSON(#"{"Name": "c"}"#))
        XCTAssertEqual(result["Crawler"]?["State"], .string("READY"))
        XCTAssertEqual(states, ["RUNNING", "RUNNING", "STOPPING", "READY, last crawl SUCCEEDED"])
        XCTAssertEqual(polls.slept.reduce(0, +), 45, accuracy: 0.001)
    }

    func testCrawlerReadyFailsWhenTheCrawlFailed() throws {
        let polls = ScriptedPolls([
            crawler("RUNNING", last: "SUCCEEDED", started: Self.start - 3600),
            crawler("READY", last: "FAILED", started: Self.start),
        ])
        XCTAssertThrowsError(try waiter("crawler_ready", polls).wait(call: polls.call, input: .null)) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "WaiterFailed")
            XCTAssertEqual(error?.fields["last_state"], .string("READY, last crawl FAILED"))
            XCTAssertEqual(error?.fields["attempts"], .integer(2))
        }
    }

    func testCrawlerReadyDoesNotBelieveThePreviousCrawlsState() throws {
        let previous = Self.start - 600
        let polls = ScriptedPolls([
            crawler("READY", last: "FAILED", started: previous), crawler("RUNNING", last: "FAILED", started: previous),
            crawler("READY", last: "SUCCEEDED", started: Self.start + 2),
        ])
        var outcomes: [WaiterAcceptor.State?] = []
        var waiter = try waiter("crawler_ready", polls)
        waiter.options.progress = { outcomes.append($0.outcome) }
        XCTAssertNoThrow(try waiter.wait(call: polls.call, input: .null))
        XCTAssertEqual(outcomes, [.retry, .retry, .success])
        XCTAssertEqual(polls.inputs.count, 3)

        let stale = ScriptedPolls([
            crawler("READY", last: "SUCCEEDED", started: previous),
            crawler("RUNNING", last: "SUCCEEDED", started: previous),
            crawler("READY", last: "FAILED", started: Self.start + 1),
        ])
        XCTAssertThrowsError(try self.waiter("crawler_ready", stale).wait(call: stale.call, input: .null)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "WaiterFailed", "the stale success was not taken")
        }
    }

    func testCrawlerReadyAcceptsACrawlThatFinishedBeforeTheFirstPoll() throws {
        let polls = ScriptedPolls([crawler("READY", last: "SUCCEEDED", started: Self.start - 5)])
        XCTAssertNoThrow(try waiter("crawler_ready", polls).wait(call: polls.call, input: .null))
        XCTAssertEqual(polls.inputs.count, 1)

        let sinceGiven = ScriptedPolls([crawler("READY", last: "SUCCEEDED", started: Self.start - 300)])
        XCTAssertNoThrow(
            try waiter("crawler_ready", sinceGiven, since: Self.start - 301).wait(call: sinceGiven.call, input: .null))
        XCTAssertEqual(sinceGiven.inputs.count, 1)
    }

    func testCrawlerReadyCannotHangOnAFinishedCrawlWithoutATimestamp() throws {
        let polls = ScriptedPolls([crawler("READY", last: "SUCCEEDED")])
        XCTAssertNoThrow(try waiter("crawler_ready", polls).wait(call: polls.call, input: .null))
        XCTAssertEqual(polls.inputs.count, 3, "accepted on the third poll")
    }

    func testCrawlerReadyUnderstandsMotosStatuses() throws {
        let polls = ScriptedPolls([
            crawler("RUNNING", last: "RUNNING", started: Self.start),
            crawler("READY", last: "COMPLETED", started: Self.start),
        ])
        XCTAssertNoThrow(try waiter("crawler_ready", polls).wait(call: polls.call, input: .null))
    }

    func testCrawlerReadyEndsOnAMissingCrawler() throws {
        let polls = ScriptedPolls([serviceError("EntityNotFoundException")])
        XCTAssertThrowsError(try waiter("crawler_ready", polls).wait(call: polls.call, input: .null)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "EntityNotFoundException")
        }
    }

    func testCrawlerStopped() throws {
        let polls = ScriptedPolls([crawler("STOPPING", last: "SUCCEEDED"), crawler("READY", last: "CANCELLED")])
        XCTAssertNoThrow(try waiter("crawler_stopped", polls).wait(call: polls.call, input: .null))
        XCTAssertEqual(polls.inputs.count, 2)
    }

    func testJobRunSucceeded() throws {
        let polls = ScriptedPolls([jobRun("STARTING"), jobRun("RUNNING"), jobRun("SUCCEEDED")])
        XCTAssertEqual(
            try waiter("job_run_succeeded", polls).wait(call: polls.call, input: .null)["JobRun"]?["JobRunState"],
            .string("SUCCEEDED"))
        XCTAssertEqual(polls.slept.reduce(0, +), 30, accuracy: 0.001)
    }

    func testJobRunSucceededFailsOnEveryBadFinalState() throws {
        for final in ["FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED"] {
            let polls = ScriptedPolls([jobRun("RUNNING"), jobRun("STOPPING"), jobRun(final)])
            XCTAssertThrowsError(try waiter("job_run_succeeded", polls).wait(call: polls.call, input: .null)) { error in
                XCTAssertEqual((error as? AWSError)?.code, "WaiterFailed", final)
                XCTAssertEqual((error as? AWSError)?.fields["last_state"], .string(final))
            }
        }
    }

    func testJobRunCompleteReturnsAnyFinalState() throws {
        for final in ["SUCCEEDED", "FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED"] {
            let polls = ScriptedPolls([jobRun("WAITING"), jobRun("RUNNING"), jobRun(final)])
            XCTAssertEqual(
                try waiter("job_run_complete", polls).wait(call: polls.call, input: .null)["JobRun"]?["JobRunState"],
                .string(final))
            XCTAssertEqual(polls.inputs.count, 3)
        }
    }

    func testJobRunCompleteTimesOutAfterAnHour() throws {
        let polls = ScriptedPolls([jobRun("RUNNING")])
        XCTAssertThrowsError(try waiter("job_run_complete", polls).wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "WaiterTimeout")
            XCTAssertEqual((error as? AWSError)?.fields["last_state"], .string("RUNNING"))
        }
        XCTAssertEqual(polls.inputs.count, 240)
    }

    func testDatabaseAndTableExist() throws {
        for name in ["database_exists", "table_exists", "crawler_exists", "job_exists"] {
            let polls = ScriptedPolls([
                serviceError("EntityNotFoundException"), .response(waiterJSON(#"{"Database": {"Name": "db"}}"#)),
            ])
            XCTAssertNoThrow(try waiter(name, polls).wait(call: polls.call, input: .null), name)
            XCTAssertEqual(polls.inputs.count, 2, name)
        }
        let gone = ScriptedPolls([.response(waiterJSON(#"{"Table": {}}"#)), serviceError("EntityNotFoundException")])
        XCTAssertEqual(
            try waiter("table_not_exists", gone).wait(call: gone.call, input: .null)["Error"]?["Code"],
            .string("EntityNotFoundException"))
    }

    func testWorkflowRunComplete() throws {
        let run = { (status: String) in
            ScriptedPolls.Outcome.response(waiterJSON(#"{"Run": {"Status": "\#(status)"}}"#))
        }
        for final in ["COMPLETED", "STOPPED", "ERROR"] {
            let polls = ScriptedPolls([run("RUNNING"), run("STOPPING"), run(final)])
            XCTAssertEqual(
                try waiter("workflow_run_complete", polls).wait(call: polls.call, input: .null)["Run"]?["Status"],
                .string(final))
        }
    }

    func testSessionReady() throws {
        let session = { (status: String) in
            ScriptedPolls.Outcome.response(waiterJSON(#"{"Session": {"Status": "\#(status)"}}"#))
        }
        let polls = ScriptedPolls([session("PROVISIONING"), session("READY")])
        XCTAssertNoThrow(try waiter("session_ready", polls).wait(call: polls.call, input: .null))
        let failed = ScriptedPolls([session("PROVISIONING"), session("FAILED")])
        XCTAssertThrowsError(try waiter("session_ready", failed).wait(call: failed.call, input: .null)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "WaiterFailed")
        }
    }
}
