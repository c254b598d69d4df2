import XCTest

@testable import Host

/// A long REPL result is cut after a screenful with a note; error tables read `code: message`.
final class REPLResultCutTests: XCTestCase {
    func testALongResultIsCutWithTheCountAndTheHint() {
        let text = (1...120).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let cut = REPL.cut(text, limit: 50, hint: "see all with f()")
        let lines = cut.split(separator: "\n")
        XCTAssertEqual(lines.count, 51)
        XCTAssertEqual(lines[49], "line 50")
        XCTAssertEqual(lines[50], "... (70 more lines; see all with f())")
    }

    func testAShortResultIsUnchanged() {
        XCTAssertEqual(REPL.cut("a\nb\n", limit: 2, hint: ""), "a\nb\n")
        XCTAssertEqual(REPL.cut("a\nb\nc\n", limit: 2, hint: ""), "a\nb\n... (1 more line)\n")
    }

    func testTheREPLCutsItsResults() {
        let repl = REPL(state: LuaState(), historyPath: nil)
        var out = ""
        repl.output = { out += $0 }
        repl.maxResultLines = 10
        repl.evaluate("local t = {} for i = 1, 500 do t[i] = ('entry number %d'):format(i) end return t")
        XCTAssertEqual(out.split(separator: "\n").count, 11, out)
        XCTAssertTrue(out.hasSuffix(" more lines)\n"), out)
    }

    func testAnErrorTableReadsAsCodeAndMessage() {
        let repl = REPL(state: LuaState(), historyPath: nil)
        var err = ""
        repl.errorOutput = { err += $0 }
        repl.evaluate("error({code = 'NoSuchThing', message = 'it is not there'})")
        XCTAssertEqual(err, "NoSuchThing: it is not there\n")
    }
}
