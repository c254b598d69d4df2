import XCTest

@testable import AWSCore

/// Reading a Glue run's log streams through a fake CloudWatch Logs that pages as AWS does:
/// empty pages with new tokens inside a stream, the same token given back at its end.
final class JobLogReaderTests: XCTestCase {
    /// A stream's events served one per page, with an empty page between each.
    private final class FakeLogs {
        var streams: [String: [String: [(Int64, String)]]] = [:]
        var calls: [String] = []

        func call(_ operation: String, _ input: JSONValue) throws -> JSONValue {
            calls.append(operation)
            let group = input["logGroupName"]?.stringValue ?? ""
            guard let groupStreams = streams[group] else {
                throw AWSError(code: "ResourceNotFoundException", message: "The specified log group does not exist.")
            }
            if operation == "DescribeLogStreams" {
                let prefix = input["logStreamNamePrefix"]?.stringValue ?? ""
                let names = groupStreams.keys.filter { $0.hasPrefix(prefix) }.sorted()
                return .object(["logStreams": .array(names.map { .object(["logStreamName": .string($0)]) })])
            }
            let events = groupStreams[input["logStreamName"]?.stringValue ?? ""] ?? []
            let position = Int(input["nextToken"]?.stringValue?.dropFirst(2) ?? "0") ?? 0
            // Even positions are empty pages; odd ones hold event position / 2.
            if position >= events.count * 2 {
                return .object(["events": .array([]), "nextForwardToken": .string("f/\(position)")])
            }
            let page: [JSONValue] =
                position % 2 == 0
                ? []
                : [
                    .object(["timestamp": .integer(events[position / 2].0), "message": .string(events[position / 2].1)])
                ]
            return .object(["events": .array(page), "nextForwardToken": .string("f/\(position + 1)")])
        }
    }

    func testMergesStreamsByTimeAndReadsOnlyNewLines() throws {
        let logs = FakeLogs()
        logs.streams["/aws-glue/jobs/output"] = ["jr_1": [(10, "o1\n"), (30, "o2")], "jr_2": [(5, "other run")]]
        logs.streams["/aws-glue/jobs/error"] = ["jr_1": [(20, "e1"), (30, "e2")]]
        let reader = JobLogReader(runID: "jr_1", call: logs.call)
        let lines = try reader.readNew()
        XCTAssertEqual(lines.map(\.message), ["o1", "e1", "o2", "e2"], "equal times keep group order")
        XCTAssertEqual(lines.map { $0.source(runID: "jr_1") }, ["output", "error", "output", "error"])
        XCTAssertEqual(try reader.readNew(), [])
        logs.streams["/aws-glue/jobs/error"]?["jr_1"]?.append((40, "e3"))
        logs.streams["/aws-glue/jobs/logs-v2"] = ["jr_1-driver": [(35, "d1")]]
        let next = try reader.readNew()
        XCTAssertEqual(next.map(\.message), ["d1", "e3"])
        XCTAssertEqual(next.first?.source(runID: "jr_1"), "logs-v2 driver")
    }

    func testLogGroupBaseOfTheRun() {
        let reader = JobLogReader(runID: "jr_1", logGroupBase: "/custom/") { _, _ in .object([:]) }
        XCTAssertEqual(
            reader.groups,
            [
                "/aws-glue/jobs/output", "/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2", "/custom/output",
                "/custom/error", "/custom/logs-v2",
            ])
        XCTAssertEqual(
            JobLogReader(runID: "jr_1", logGroupBase: "/aws-glue/jobs/") { _, _ in .object([:]) }.groups.count, 3)
    }

    func testFollowingEndsAfterTheReadThatFollowsAFinalState() throws {
        let logs = FakeLogs()
        logs.streams["/aws-glue/jobs/output"] = ["jr_1": [(1, "a")]]
        var states = ["RUNNING", "SUCCEEDED"]
        var follower = JobLogFollower()
        follower.follow = true
        follower.sleep = { _ in }
        var seen: [String] = []
        let result = try follower.run(
            reader: JobLogReader(runID: "jr_1", call: logs.call), initialState: "STARTING",
            runState: {
                let state = states.removeFirst()
                if state == "SUCCEEDED" { logs.streams["/aws-glue/jobs/output"]?["jr_1"]?.append((2, "last")) }
                return state
            },
            emit: { seen.append($0.message) })
        XCTAssertEqual(seen, ["a", "last"])
        XCTAssertEqual(result.lines, 2)
        XCTAssertEqual(result.state, "SUCCEEDED")
        XCTAssertTrue(states.isEmpty)
    }

    func testLinesTakenInJustAfterTheRunEndedAreRead() throws {
        let logs = FakeLogs()
        logs.streams["/aws-glue/jobs/error"] = ["jr_1": [(1, "a")]]
        var follower = JobLogFollower()
        follower.follow = true
        var pauses = 0
        follower.sleepSlice = 1
        follower.pollInterval = 1
        follower.sleep = { _ in
            pauses += 1
            if pauses == 1 { logs.streams["/aws-glue/jobs/error"]?["jr_1"]?.append((2, "Traceback: late")) }
        }
        var seen: [String] = []
        try follower.run(
            reader: JobLogReader(runID: "jr_1", call: logs.call), initialState: "FAILED", runState: { "FAILED" },
            emit: { seen.append($0.message) })
        XCTAssertEqual(seen, ["a", "Traceback: late"])
        XCTAssertEqual(pauses, 2, "one read after the late line, which found nothing new")
    }

    func testCancellingStopsFollowing() {
        var follower = JobLogFollower()
        follower.follow = true
        follower.sleep = { _ in }
        var polls = 0
        follower.isCancelled = { polls > 2 }
        XCTAssertThrowsError(
            try follower.run(
                reader: JobLogReader(runID: "jr_1") { _, _ in
                    throw AWSError(code: "ResourceNotFoundException", message: "")
                },
                initialState: "RUNNING",
                runState: {
                    polls += 1
                    return "RUNNING"
                }, emit: { _ in })
        ) { error in XCTAssertEqual((error as? AWSError)?.code, "Cancelled") }
    }
}
