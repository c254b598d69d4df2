import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C stops every call and wait running side by side in `aws.parallel`.
final class ParallelInterruptTests: XCTestCase {
    func testSigintStopsWaitsRunningSideBySide() throws {
        let moto = try MotoServer()
        let script = """
            local glue = aws.client("glue")
            local function waiting(name)
              return function()
                glue:wait("database_exists", {Name = name}, {delay = 0.2, max_attempts = 10000,
                  on_poll = function(_, attempt) if attempt == 3 then io.stderr:write("polling\\n") end end})
              end
            end
            aws.parallel(waiting("nope-1"), waiting("nope-2"), waiting("nope-3"))
            io.stderr:write("not stopped\\n")
            """
        let running = try GluescriptProcess(["--local=\(moto.url)", "-e", script])
        XCTAssertTrue(running.waitForStderr("polling"), "the waits never polled")
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("not stopped"), outcome.stderr)
    }

    func testSigintStopsSleepsRunningSideBySide() throws {
        let running = try GluescriptProcess([
            "-e",
            "io.stderr:write('started\\n'); aws.parallel(function() aws.sleep(60) end, function() aws.sleep(60) end)",
        ])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        usleep(300_000)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
    }
}
