import XCTest

/// How a failing script is reported: message, file:line, traceback and exit code.
final class ScriptErrorTests: XCTestCase {
    func testSyntaxErrorExitsOneAndNamesFileAndLine() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("broken.lua", "local a = 1\nlocal b = = 2\n")
        let outcome = try GluescriptProcess.run([script])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("broken.lua:2:"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
    }

    func testRuntimeErrorExitsOneWithTraceback() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "fails.lua", "local function check(bucket)\n  error('no such bucket: ' .. bucket)\nend\ncheck('raw')\n")
        let outcome = try GluescriptProcess.run(["fails.lua"], in: scratch.url)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: fails.lua:2: no such bucket: raw"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("stack traceback"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("fails.lua:4"), outcome.stderr)
    }

    func testOutputBeforeTheErrorIsKept() throws {
        let outcome = try GluescriptProcess.run(["-e", "print('before'); error('after')"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "before\n")
    }

    func testTableErrorIsReportedThroughItsTostring() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write(
            "table_error.lua",
            "error(setmetatable({code = 'AccessDenied'}, {__tostring = function(e) return 'AWS error ' .. e.code end}))\n"
        )
        let outcome = try GluescriptProcess.run([script])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: AWS error AccessDenied"), outcome.stderr)
    }

    func testMissingFileExitsTwoAndSaysCannotOpen() throws {
        let outcome = try GluescriptProcess.run(["/nonexistent/folder/script.lua"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("cannot open /nonexistent/folder/script.lua"), outcome.stderr)
    }

    func testScriptErrorStopsTheExecuteChunksAfterIt() throws {
        let outcome = try GluescriptProcess.run(["-e", "error('first')", "-e", "print('never')"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
    }
}
