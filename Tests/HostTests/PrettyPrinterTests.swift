import CLua
import XCTest

@testable import Host

/// What the REPL and `aws.inspect` show for a value.
final class PrettyPrinterTests: XCTestCase {
    private func render(_ lua: String, _ printer: PrettyPrinter = PrettyPrinter()) throws -> String {
        let state = LuaState()
        try state.pushExpression(lua)
        defer { lua_settop(state.L, 0) }
        return printer.render(at: -1, on: state.L)
    }

    func testScalars() throws {
        XCTAssertEqual(try render("nil"), "nil")
        XCTAssertEqual(try render("true"), "true")
        XCTAssertEqual(try render("42"), "42")
        XCTAssertEqual(try render("0.1"), "0.1")
        XCTAssertEqual(try render("2.0"), "2.0")
        XCTAssertEqual(try render("'text'"), "\"text\"")
    }

    func testPushedSwiftValueRenders() throws {
        let state = LuaState()
        state.push(.table(["b": 2, "a": .table([1, 2])]), on: state.L)
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: state.L), "{ a = { 1, 2 }, b = 2 }")
    }

    func testShortTableOnOneLine() throws {
        XCTAssertEqual(try render("{a = 1}"), "{ a = 1 }")
        XCTAssertEqual(try render("{}"), "{}")
        XCTAssertEqual(try render("{1, 2, 3}"), "{ 1, 2, 3 }")
    }

    func testKeysSortedNumbersThenStrings() throws {
        XCTAssertEqual(
            try render("{'x', 'y', zeta = 1, alpha = 2, [10] = 'ten', [2.5] = 'f', [-3] = 'n'}"),
            "{ \"x\", \"y\", [-3] = \"n\", [2.5] = \"f\", [10] = \"ten\", alpha = 2, zeta = 1 }")
    }

    func testOddAndReservedKeysAreQuoted() throws {
        XCTAssertEqual(
            try render("{['odd key'] = 1, ['end'] = 2, _ok9 = 3, ['9lives'] = 4}"),
            "{ [\"9lives\"] = 4, _ok9 = 3, [\"end\"] = 2, [\"odd key\"] = 1 }")
        XCTAssertEqual(try render("{[true] = 1}"), "{ [true] = 1 }")
    }

    func testCycleIsMarked() throws {
        XCTAssertEqual(
            try render("(function() local t = {name = 'loop'}; t.self = t; return t end)()"),
            "{ name = \"loop\", self = <cycle> }")
    }

    func testSharedTableIsNotACycle() throws {
        XCTAssertEqual(
            try render("(function() local s = {1}; return {a = s, b = s} end)()"),
            "{ a = { 1 }, b = { 1 } }")
    }

    func testLongTablesAreCutWithACount() throws {
        let printer = PrettyPrinter(maxEntries: 3)
        XCTAssertEqual(try render("{1, 2, 3, 4, 5}", printer), "{ 1, 2, 3, ... (2 more) }")
        XCTAssertEqual(try render("{1, 2, a = 1, b = 2, c = 3}", printer), "{ 1, 2, a = 1, ... (2 more) }")
    }

    func testDepthLimit() throws {
        let printer = PrettyPrinter(maxDepth: 2)
        XCTAssertEqual(try render("{a = {b = {c = {}}}}", printer), "{ a = { b = {...} } }")
    }

    func testLongTableBreaksOneEntryPerLineWithIndentation() throws {
        let printer = PrettyPrinter(width: 40)
        let text = try render("{name = 'daily-crawler', state = 'READY', targets = {'s3://bucket/raw/'}}", printer)
        XCTAssertEqual(
            text,
            """
            {
              name = "daily-crawler",
              state = "READY",
              targets = { "s3://bucket/raw/" }
            }
            """)
    }

    func testNestedLongTablesIndentDeeper() throws {
        let printer = PrettyPrinter(width: 20)
        let text = try render("{outer = {first = 'aaaaaaa', second = 'bbbbbbb'}}", printer)
        XCTAssertEqual(
            text,
            """
            {
              outer = {
                first = "aaaaaaa",
                second = "bbbbbbb"
              }
            }
            """)
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try render("'a\\nb'"), "\"a\\nb\"")
        XCTAssertEqual(try render("'say \"hi\"'"), "\"say \\\"hi\\\"\"")
        XCTAssertEqual(try render("'nul\\0' .. '1'"), "\"nul\\0001\"")
        XCTAssertEqual(try render("'back\\\\slash\\t'"), "\"back\\\\slash\\t\"")
        XCTAssertEqual(try render("'\\xff'"), "\"\\255\"")
        XCTAssertEqual(try render("'héllo'"), "\"héllo\"")
    }

    func testFunctionsAndUserdataShowTheirTostring() throws {
        XCTAssertTrue(try render("print").hasPrefix("<builtin: ") || (try render("print")).hasPrefix("<function: "))
        let state = LuaState()
        final class Thing {}
        state.registerType(Thing.self, name: "Thing", metamethods: ["__tostring": { _ in ["a thing"] }])
        state.push(.table(["t": .object(AnyHashableObject(Thing()))]), on: state.L)
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: state.L), "{ t = <a thing> }")
    }

    func testRendersValuesOnACoroutineStack() throws {
        let state = LuaState()
        final class Thing {}
        state.registerType(Thing.self, name: "Thing", metamethods: ["__tostring": { _ in ["a thing"] }])
        state.push("decoy on the main stack", on: state.L)
        let thread = lua_newthread(state.L)!
        state.push(.table(["t": .object(AnyHashableObject(Thing()))]), on: thread)
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: thread), "{ t = <a thing> }")
    }
}
