import XCTest

/// Scripts read from stdin: with `-`, and with no script when stdin is not a terminal.
final class StandardInputTests: XCTestCase {
    func testDashRunsStdinWithArguments() throws {
        let outcome = try GluescriptProcess.run(["-", "x", "y"], input: "print('from stdin', ...)\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "from stdin\tx\ty\n")
    }

    func testNoScriptAndPipedStdinRunsIt() throws {
        let outcome = try GluescriptProcess.run([], input: "local n = 0\nfor i = 1, 3 do n = n + i end\nprint(n)\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "6\n")
    }

    func testErrorInStdinScriptNamesStdin() throws {
        let outcome = try GluescriptProcess.run(["-"], input: "\nerror('piped failure')\n")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: stdin:2: piped failure"), outcome.stderr)
    }
}
