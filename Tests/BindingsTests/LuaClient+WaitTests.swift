import AWSCore
import Host
import XCTest

/// Waiters from Lua against the emulator, with Glue crawls and job runs that take seconds.
final class LuaClientWaitTests: XCTestCase {
    override func setUpWithError() throws {
        let emulator = try Emulator.shared.get()
        let transport = try CurlTransport()
        for model in ["glue::crawl", "glue::job_run"] {
            let body = #"{"model_name":"\#(model)","transition":{"progression":"time","seconds":2}}"#
            _ = try transport.send(
                HTTPRequest(
                    method: "POST", url: emulator.url + "/moto-api/state-manager/set-transition",
                    body: .bytes(Array(body.utf8))))
        }
    }

    func testCrawlerReadyReallyWaitsForTheCrawl() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("crawl")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_crawler{Name = "\(name)", Role = "arn:aws:iam::123456789012:role/r", DatabaseName = "db",
              Targets = {S3Targets = {{Path = "s3://bucket/raw/"}}}}
            glue:start_crawler{Name = "\(name)"}
            local states = {}
            local started = os.time()
            local done = glue:wait("crawler_ready", {Name = "\(name)"}, {delay = 0.5, progress = false,
              on_poll = function(response, attempt) states[#states + 1] = response.Crawler.State end})
            glue:delete_crawler{Name = "\(name)"}
            return done.Crawler.State, states[1], #states, os.time() - started
            """)
        XCTAssertEqual(result[0], .string("READY"))
        XCTAssertEqual(result[1], .string("RUNNING"), "the first poll sees the crawl running")
        XCTAssertGreaterThan(result[2].integerValue ?? 0, 2)
        XCTAssertGreaterThanOrEqual(result[3].integerValue ?? 0, 1)
    }

    func testJobRunSucceededReturnsTheRun() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("job")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_job{Name = "\(name)", Role = "r", Command = {Name = "glueetl", ScriptLocation = "s3://b/x.py"}}
            local run = glue:start_job_run{JobName = "\(name)"}
            local done = glue:wait("job_run_succeeded", {JobName = "\(name)", RunId = run.JobRunId},
              {delay = 0.5, progress = false})
            glue:delete_job{JobName = "\(name)"}
            return done.JobRun.JobRunState
            """)
        XCTAssertEqual(result, [.string("SUCCEEDED")])
    }

    func testRoleExistsAfterCreateRole() throws {
        let lua = try makeEmulatorState()
        let role = Emulator.uniqueName("waited")
        let result = try lua.run(
            """
            local iam = aws.client("iam")
            iam:create_role{RoleName = "\(role)", AssumeRolePolicyDocument = {Version = "2012-10-17", Statement = {}}}
            local r = iam:wait("role_exists", {RoleName = "\(role)"}, {progress = false})
            iam:delete_role{RoleName = "\(role)"}
            return r.Role.RoleName
            """)
        XCTAssertEqual(result, [.string(role)])
    }

    func testScriptDefinedWaitersFailAndTimeOutWithTheirState() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("db").replacingOccurrences(of: "-", with: "_")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_database{DatabaseInput = {Name = "\(name)", Description = "broken"}}
            glue:define_waiter("database_described", {operation = "GetDatabase", delay = 0.1, maxAttempts = 3,
              acceptors = {
                {state = "failure", matcher = "path", argument = "Database.Description", expected = "broken"},
                {state = "success", matcher = "path", argument = "Database.Description", expected = "fine"}}})
            glue:define_waiter("never", {operation = "GetDatabase", delay = 0.1, maxAttempts = 2,
              acceptors = {{state = "retry", matcher = "path", argument = "Database.Name", expected = "\(name)"}}})
            local ok, failed = pcall(glue.wait, glue, "database_described", {Name = "\(name)"}, {progress = false})
            local ok2, timeout = pcall(glue.wait, glue, "never", {Name = "\(name)"}, {progress = false})
            local ok3, bad = pcall(glue.define_waiter, glue, "odd", {operation = "GetDatabase",
              acceptors = {{state = "maybe", matcher = "path", argument = "x", expected = 1}}})
            glue:delete_database{Name = "\(name)"}
            return failed.code, failed.waiter, failed.attempts, timeout.code, timeout.attempts, bad.code
            """)
        XCTAssertEqual(result[0], .string("WaiterFailed"))
        XCTAssertEqual(result[1], .string("database_described"))
        XCTAssertEqual(result[2], .integer(1))
        XCTAssertEqual(result[3], .string("WaiterTimeout"))
        XCTAssertEqual(result[4], .integer(2))
        XCTAssertEqual(result[5], .string("InvalidWaiter"))
    }

    func testOddWaitOptionsAreErrorsNamingTheOption() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1"])
        let cases = [
            ("{delay = 0/0}", "option 'delay' must be a finite number, 0 or more, got NaN"),
            ("{timeout = -1}", "option 'timeout' must be a finite number, 0 or more, got -1.0"),
            ("{delay = math.huge}", "option 'delay' must be a finite number"),
            ("{max_attempts = 0}", "option 'max_attempts' must be 1 or more, got 0"),
            ("{since = 'yesterday'}", "option 'since' must be an ISO 8601 time"),
        ]
        for (options, expected) in cases {
            let message = try evaluate(
                state,
                """
                local iam = aws.client("iam", {credentials = {access_key_id = "a", secret_access_key = "b"}})
                local ok, e = pcall(iam.wait, iam, "role_exists", {RoleName = "r"}, \(options))
                return tostring(e)
                """)
            XCTAssertTrue(message.stringValue?.contains(expected) ?? false, "\(options): \(message)")
        }
    }

    func testAHugeDelayWaitsOnlyUntilTheTimeout() throws {
        let lua = try makeEmulatorState()
        let result = try lua.run(
            """
            local iam = aws.client("iam")
            local started = aws.clock()
            local ok, e = pcall(iam.wait, iam, "role_exists", {RoleName = "no-such-role-here"},
              {delay = 1e300, timeout = 0.3, progress = false})
            return e.code, aws.clock() - started
            """)
        XCTAssertEqual(result[0], .string("WaiterTimeout"))
        XCTAssertLessThan(result[1].numberValue ?? 99, 5)
    }
}
