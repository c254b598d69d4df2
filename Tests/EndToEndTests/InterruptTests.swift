import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C stops a running script: exit 130 and `interrupted` on stderr.
final class InterruptTests: XCTestCase {
    func testSigintStopsABusyLoop() throws {
        let running = try GluescriptProcess(["-e", "io.stderr:write('started\\n'); while true do end"])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted"), outcome.stderr)
    }

    func testSigintStopsAScriptFile() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write(
            "loop.lua", "io.stderr:write('started\\n')\nlocal n = 0\nwhile true do n = n + 1 end\n")
        let running = try GluescriptProcess([script])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("loop.lua:3"), outcome.stderr)
    }

    func testASecondSigintWhileTheFirstIsPendingEndsTheProcess() throws {
        let script = """
            while true do
              local ok, err = pcall(function() io.stderr:write('looping\\n') while true do end end)
              io.stderr:write('caught ', tostring(err), '\\n')
            end
            """
        let running = try GluescriptProcess(["-e", script])
        XCTAssertTrue(running.waitForStderr("looping"), "the script never started")
        running.signal(SIGINT)
        XCTAssertTrue(running.waitForStderr("caught"), "the first Ctrl-C did not interrupt the loop")
        usleep(200_000)
        XCTAssertTrue(running.process.isRunning, "the script that caught the first Ctrl-C should go on")
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
    }

    func testSigintStopsASleepTooLongToCount() throws {
        let running = try GluescriptProcess(["-e", "io.stderr:write('started\\n'); aws.sleep(9e9)"])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        usleep(200_000)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
    }
}
