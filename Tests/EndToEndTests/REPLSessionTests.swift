import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The REPL at a real (pseudo) terminal: values printed, statements continued over lines,
/// errors shown without leaving, Ctrl-C and Ctrl-D, history saved.
final class REPLSessionTests: XCTestCase {
    private func startedSession() throws -> TerminalSession {
        let session = try TerminalSession()
        XCTAssertTrue(session.waitForPrompt(), "no prompt: \(session.transcript)")
        return session
    }

    func testExpressionPrintsItsValue() throws {
        let session = try startedSession()
        XCTAssertTrue(session.enter("1+1", expect: "\n2\n"), session.transcript)
    }

    func testStatementContinuesOnTheNextLine() throws {
        let session = try startedSession()
        let start = session.mark
        session.type("for i=1,2 do\n")
        XCTAssertTrue(session.waitForPrompt(">> ", after: start), session.transcript)
        XCTAssertTrue(session.enter("print(i) end", expect: "\n1\n2\n"), session.transcript)
    }

    func testErrorIsShownAndTheSessionGoesOn() throws {
        let session = try startedSession()
        XCTAssertTrue(session.enter("error(\"oops\")", expect: "stdin:1: oops"), session.transcript)
        XCTAssertTrue(session.enter("3*3", expect: "\n9\n"), session.transcript)
    }

    func testTablePrintsPretty() throws {
        let session = try startedSession()
        XCTAssertTrue(session.enter("{a=1}", expect: "{ a = 1 }"), session.transcript)
    }

    func testCtrlCDropsTheHalfTypedLine() throws {
        let session = try startedSession()
        let start = session.mark
        session.type("print('half")
        XCTAssertTrue(session.read(until: "half", after: start), session.transcript)
        kill(session.process.processIdentifier, SIGINT)
        XCTAssertTrue(
            session.waitForPrompt(after: session.transcript.range(of: "half", range: start..<session.mark)?.upperBound),
            session.transcript)
        XCTAssertTrue(session.enter("6*7", expect: "\n42\n"), session.transcript)
        XCTAssertTrue(session.process.isRunning)
    }

    func testCtrlCStopsARunningStatement() throws {
        let session = try startedSession()
        let start = session.mark
        session.type("while true do end\n")
        XCTAssertTrue(session.read(until: "while true do end\n", after: start), session.transcript)
        usleep(200_000)
        kill(session.process.processIdentifier, SIGINT)
        XCTAssertTrue(session.read(until: "interrupted", after: start), session.transcript)
        XCTAssertTrue(session.waitForPrompt(after: session.transcript.range(of: "interrupted")?.upperBound))
        XCTAssertTrue(session.enter("2+2", expect: "\n4\n"), session.transcript)
    }

    func testCtrlDLeavesAndSavesHistory() throws {
        let session = try startedSession()
        XCTAssertTrue(session.enter("1+1", expect: "\n2\n"), session.transcript)
        XCTAssertTrue(session.waitForPrompt(after: session.transcript.range(of: "\n2\n")?.upperBound))
        session.type("\u{04}")
        XCTAssertEqual(session.waitForExit(), 0, session.transcript)
        let history = try String(
            contentsOf: session.home.url.appendingPathComponent(".gluescript_history"), encoding: .utf8)
        XCTAssertTrue(history.contains("1+1"), history)
    }
}
