import XCTest

/// The REPL's history outlives the session: `$HOME/.gluescript_history`.
final class REPLHistoryTests: XCTestCase {
    func testHistoryFromAnEarlierSessionIsRecalledWithArrowUp() throws {
        let home = try ScratchFolder()
        let first = try TerminalSession(home: home)
        XCTAssertTrue(first.waitForPrompt(), first.transcript)
        XCTAssertTrue(first.enter("40+2", expect: "\n42\n"), first.transcript)
        XCTAssertTrue(first.waitForPrompt(after: first.transcript.range(of: "\n42\n")?.upperBound))
        first.type("\u{04}")
        XCTAssertEqual(first.waitForExit(), 0, first.transcript)

        let second = try TerminalSession(home: home)
        XCTAssertTrue(second.waitForPrompt(), second.transcript)
        XCTAssertTrue(second.enter("\u{1b}[A", expect: "\n42\n"), second.transcript)
    }

    func testInteractiveFlagEntersTheREPLAfterTheChunks() throws {
        let session = try TerminalSession(["-e", "x = 5", "-i"])
        XCTAssertTrue(session.waitForPrompt(), session.transcript)
        XCTAssertTrue(session.transcript.contains("Lua 5.4"), session.transcript)
        XCTAssertTrue(session.enter("x*2", expect: "\n10\n"), session.transcript)
    }
}
