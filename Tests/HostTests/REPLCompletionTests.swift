import XCTest

@testable import Host

/// Tab completion in the REPL: globals, fields of tables, methods of objects.
final class REPLCompletionTests: XCTestCase {
    func testGlobals() {
        let state = LuaState()
        let candidates = REPLCompletion.candidates(for: "pri", in: state)
        XCTAssertTrue(candidates.contains("print"), "\(candidates)")
        XCTAssertTrue(candidates.allSatisfy { $0.hasPrefix("pri") }, "\(candidates)")
    }

    func testFieldsOfATable() {
        let state = LuaState()
        XCTAssertEqual(REPLCompletion.candidates(for: "string.fo", in: state), ["string.format"])
        XCTAssertEqual(REPLCompletion.candidates(for: "table.un", in: state), ["table.unpack"])
    }

    func testFieldsOfNestedTables() throws {
        let state = LuaState()
        try state.run("config = {glue = {crawler_name = 'c', crawler_role = 'r', database = 'd'}}")
        XCTAssertEqual(
            REPLCompletion.candidates(for: "config.glue.craw", in: state),
            ["config.glue.crawler_name", "config.glue.crawler_role"])
    }

    func testMethodsAfterColonComeFromTheMetatable() {
        let state = LuaState()
        final class Client {}
        state.registerType(
            Client.self, name: "Client",
            methods: ["get_crawler": { _ in [] }, "get_database": { _ in [] }, "start_crawler": { _ in [] }])
        state.setGlobal("glue", .object(AnyHashableObject(Client())))
        XCTAssertEqual(
            REPLCompletion.candidates(for: "glue:get_", in: state), ["glue:get_crawler", "glue:get_database"])
        XCTAssertEqual(REPLCompletion.candidates(for: "glue:", in: state).count, 3)
    }

    func testStringMethodsAfterColon() throws {
        let state = LuaState()
        try state.run("name = 'x'")
        XCTAssertEqual(REPLCompletion.candidates(for: "name:up", in: state), ["name:upper"])
    }

    func testNothingForUnknownPathsAndMetamethodsHidden() throws {
        let state = LuaState()
        XCTAssertEqual(REPLCompletion.candidates(for: "nosuch.thing", in: state), [])
        try state.run("obj = setmetatable({}, {__index = {run = true}})")
        XCTAssertEqual(REPLCompletion.candidates(for: "obj:", in: state), ["obj:run"])
    }

    func testCompletingRunsNoScriptCode() throws {
        let state = LuaState()
        try state.run("called = false; trap = setmetatable({}, {__index = function() called = true end})")
        _ = REPLCompletion.candidates(for: "trap.x", in: state)
        _ = REPLCompletion.candidates(for: "trap:", in: state)
        XCTAssertEqual(try state.global("called"), false)
    }
}
