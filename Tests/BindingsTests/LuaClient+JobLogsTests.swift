import AWSCore
import Foundation
import Host
import XCTest

/// `glue:job_logs` against the emulator's Glue and CloudWatch Logs, with log lines the test
/// writes itself (the emulator's job runs log nothing).
final class LuaClientJobLogsTests: XCTestCase {
    override func setUpWithError() throws {
        let emulator = try Emulator.shared.get()
        let body = #"{"model_name":"glue::job_run","transition":{"progression":"time","seconds":2}}"#
        _ = try CurlTransport().send(
            HTTPRequest(
                method: "POST", url: emulator.url + "/moto-api/state-manager/set-transition",
                body: .bytes(Array(body.utf8))))
    }

    /// Lua that starts a run of a new job and writes lines into its output and error
    /// streams (and a continuous-logging driver stream), interleaved in time, plus a line of
    /// another run that must not show.
    private func setUp(job: String) -> String {
        """
        local glue, logs = aws.client("glue"), aws.client("logs")
        glue:create_job{Name = "\(job)", Role = "r", Command = {Name = "glueetl", ScriptLocation = "s3://b/x.py"}}
        local run = glue:start_job_run{JobName = "\(job)"}.JobRunId
        local base = os.time() * 1000
        local function put(group, stream, events)
          pcall(logs.create_log_group, logs, {logGroupName = group})
          logs:create_log_stream{logGroupName = group, logStreamName = stream}
          logs:put_log_events{logGroupName = group, logStreamName = stream, logEvents = events}
        end
        put("/aws-glue/jobs/output", run, {{timestamp = base + 1, message = "o1\\n"},
          {timestamp = base + 3, message = "o2"}, {timestamp = base + 5, message = "o3"}})
        put("/aws-glue/jobs/error", run, {{timestamp = base + 2, message = "e1"}, {timestamp = base + 4, message = "e2"}})
        put("/aws-glue/jobs/logs-v2", run .. "-driver", {{timestamp = base + 6, message = "d1"}})
        put("/aws-glue/jobs/output", "jr_other" .. run:sub(9), {{timestamp = base + 2, message = "other run"}})
        """
    }

    func testLinesOfBothStreamsComeInTimeOrder() throws {
        let lua = try makeEmulatorState()
        let job = Emulator.uniqueName("logs")
        let result = try lua.run(
            setUp(job: job) + """
                local seen = {}
                local count = glue:job_logs{JobName = "\(job)", RunId = run, on_line = function(line)
                  seen[#seen + 1] = line.message .. "@" .. line.source
                  assert(line.group:match("^/aws%-glue/jobs/") and line.stream:sub(1, #run) == run)
                  assert(line.time:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d"))
                end}
                glue:delete_job{JobName = "\(job)"}
                return table.concat(seen, " "), count
                """)
        XCTAssertEqual(
            result[0], .string("o1@output e1@error o2@output e2@error o3@output d1@logs-v2 driver"))
        XCTAssertEqual(result[1], .integer(6))
    }

    func testTheDefaultPrintsTimeSourceAndMessage() throws {
        let lua = try makeEmulatorState()
        let job = Emulator.uniqueName("logs")
        let result = try lua.run(
            setUp(job: job) + """
                local printed = {}
                print = function(text) printed[#printed + 1] = text end
                glue:job_logs{JobName = "\(job)", RunId = run}
                glue:delete_job{JobName = "\(job)"}
                return printed[1], printed[2], #printed
                """)
        XCTAssertTrue(result[0].stringValue?.hasSuffix("Z [output] o1") == true, "\(result[0])")
        XCTAssertTrue(result[1].stringValue?.hasSuffix("Z [error] e1") == true, "\(result[1])")
        XCTAssertEqual(result[2], .integer(6))
    }

    func testFollowReadsNewLinesUntilTheRunHasEnded() throws {
        let lua = try makeEmulatorState()
        let job = Emulator.uniqueName("logs")
        let result = try lua.run(
            setUp(job: job) + """
                local seen, late = {}, false
                local started = aws.clock()
                local count, state = glue:job_logs{JobName = "\(job)", RunId = run, follow = true, poll = 0.2,
                  on_line = function(line)
                    seen[#seen + 1] = line.message
                    if not late then
                      late = true
                      logs:put_log_events{logGroupName = "/aws-glue/jobs/error", logStreamName = run,
                        logEvents = {{timestamp = base + 10, message = "late"}}}
                    end
                  end}
                local final = glue:get_job_run{JobName = "\(job)", RunId = run}.JobRun.JobRunState
                glue:delete_job{JobName = "\(job)"}
                return table.concat(seen, " "), count, state, final, aws.clock() - started
                """)
        XCTAssertEqual(result[0], .string("o1 e1 o2 e2 o3 d1 late"))
        XCTAssertEqual(result[1], .integer(7))
        XCTAssertEqual(result[2], .string("SUCCEEDED"))
        XCTAssertEqual(result[3], .string("SUCCEEDED"))
        XCTAssertGreaterThan(result[4].numberValue ?? 0, 1, "it followed the run until it ended")
    }

    func testMissingGroupsAndStreamsMeanNoLinesYet() throws {
        let lua = try makeEmulatorState()
        let job = Emulator.uniqueName("logs")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_job{Name = "\(job)", Role = "r", Command = {Name = "glueetl", ScriptLocation = "s3://b/x.py"}}
            local run = glue:start_job_run{JobName = "\(job)"}.JobRunId
            local elsewhere = aws.client("logs", {region = "eu-west-3"})
            local none = glue:job_logs{JobName = "\(job)", RunId = run, logs = elsewhere, on_line = error}
            local fresh = glue:job_logs{JobName = "\(job)", RunId = run, on_line = error}
            local ok, err = pcall(glue.job_logs, glue, {JobName = "\(job)", RunId = "jr_nosuch"})
            glue:delete_job{JobName = "\(job)"}
            return none, fresh, err.code
            """)
        XCTAssertEqual(result[0], .integer(0))
        XCTAssertEqual(result[1], .integer(0))
        XCTAssertEqual(result[2], .string("EntityNotFoundException"))
    }

    func testOptionsAreChecked() throws {
        let lua = try makeEmulatorState()
        let result = try lua.run(
            """
            local glue, s3 = aws.client("glue"), aws.client("s3")
            local _, a = pcall(glue.job_logs, glue, {JobName = "j"})
            local _, b = pcall(glue.job_logs, glue, {JobName = "j", RunId = "r", folow = true})
            local _, c = pcall(s3.job_logs, s3, {JobName = "j", RunId = "r"})
            return a.message, b.message, c.code
            """)
        XCTAssertTrue(result[0].stringValue?.contains("JobName and RunId are required") == true, "\(result[0])")
        XCTAssertTrue(result[1].stringValue?.contains("folow") == true, "\(result[1])")
        XCTAssertEqual(result[2], .string("UnknownOperation"))
    }

    func testTheDemoShowsTheLastLinesOfOneLog() throws {
        let lua = try makeEmulatorState()
        let job = Emulator.uniqueName("logs")
        let steps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/demo_steps.lua").path
        let result = try lua.run(
            setUp(job: job) + """
                local steps = dofile("\(steps)")
                local shown = {}
                local count = steps.log_tail(glue, "\(job)", run, "output", 2, function(text) shown[#shown + 1] = text end)
                local errors = steps.log_tail(glue, "\(job)", run, "error", 10, function() end)
                glue:delete_job{JobName = "\(job)"}
                return count, shown[1], shown[2], errors
                """)
        XCTAssertEqual(result[0], .integer(2))
        XCTAssertTrue(result[1].stringValue?.hasSuffix("Z o2") == true, "\(result[1])")
        XCTAssertTrue(result[2].stringValue?.hasSuffix("Z o3") == true, "\(result[2])")
        XCTAssertEqual(result[3], .integer(2))
    }
}
