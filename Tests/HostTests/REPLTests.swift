import CLua
import XCTest

@testable import Host

/// The REPL engine: when a line is a whole statement, and what evaluating it prints.
final class REPLTests: XCTestCase {
    func testClassifiesCompleteIncompleteAndBrokenInput() {
        let state = LuaState()
        XCTAssertEqual(REPL.classify("for i=1,2 do", in: state), .incomplete)
        XCTAssertEqual(REPL.classify("for i=1,2 do\nprint(i)", in: state), .incomplete)
        XCTAssertEqual(REPL.classify("for i=1,2 do\nprint(i) end", in: state), .complete)
        XCTAssertEqual(REPL.classify("x = = 1", in: state), .error)
        XCTAssertEqual(REPL.classify("x = 1", in: state), .complete)
        XCTAssertEqual(REPL.classify("s = [[long", in: state), .incomplete)
        XCTAssertEqual(REPL.classify("f(", in: state), .incomplete)
    }

    private func session(_ state: LuaState = LuaState()) -> (REPL, () -> String, () -> String) {
        let repl = REPL(state: state, historyPath: nil)
        var out = ""
        var err = ""
        repl.output = { out += $0 }
        repl.errorOutput = { err += $0 }
        return (repl, { out }, { err })
    }

    func testEvaluatePrintsResultsSeparatedByTabs() {
        let (repl, out, err) = session()
        repl.evaluate("return 1+1, 'x'")
        XCTAssertEqual(out(), "2\t\"x\"\n")
        XCTAssertEqual(err(), "")
    }

    func testEvaluatePrintsTablesPretty() {
        let (repl, out, _) = session()
        repl.evaluate("return {a=1}")
        XCTAssertEqual(out(), "{ a = 1 }\n")
    }

    func testStatementsPrintNothingAndKeepState() {
        let (repl, out, _) = session()
        repl.evaluate("x = 20")
        repl.evaluate("return x + 1")
        XCTAssertEqual(out(), "21\n")
    }

    func testErrorsGoToErrorOutputAndTheSessionGoesOn() {
        let (repl, out, err) = session()
        repl.evaluate("error('oops')")
        XCTAssertTrue(err().hasPrefix("stdin:1: oops"), err())
        XCTAssertTrue(err().contains("stack traceback"), err())
        repl.evaluate("return 3*3")
        XCTAssertEqual(out(), "9\n")
    }

    func testSyntaxErrorIsReported() {
        let (repl, out, err) = session()
        repl.evaluate("x = = 1")
        XCTAssertTrue(err().contains("stdin:1: unexpected symbol near '='"), err())
        XCTAssertEqual(out(), "")
    }

    func testTableErrorShowsItsTostring() {
        let (repl, _, err) = session()
        repl.evaluate("error(setmetatable({}, {__tostring = function() return 'AccessDenied' end}))")
        XCTAssertEqual(err(), "AccessDenied\n")
    }

    func testStackIsCleanAfterEachEvaluation() {
        let state = LuaState()
        let (repl, _, _) = session(state)
        let before = lua_gettop(state.L)
        repl.evaluate("return 1, 2, 3")
        repl.evaluate("error('x')")
        repl.evaluate("x = = 1")
        XCTAssertEqual(lua_gettop(state.L), before)
    }
}
