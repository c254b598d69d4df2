import CLua
import XCTest

@testable import Host

/// Scripts may give numbers, strings, booleans, nil, tables and even the registry
/// metatables whose every event raises. The bridge reads and writes raw and runs the rest
/// in protected mode, so such a script gets correct output or a catchable error, never a
/// Lua error jumping across Swift frames.
final class HostileMetatableTests: XCTestCase {
    /// Lua that defines `hostile_metatable()` (every event raises "boom") and `expected`
    /// texts computed before any hostility, then arms the basic types and the registry.
    static let prelude = """
        local function boom() error("boom", 0) end
        local events = {"__index", "__newindex", "__len", "__pairs", "__tostring", "__eq", "__lt",
          "__le", "__concat", "__call", "__add", "__sub", "__unm", "__idiv", "__band", "__shl", "__close"}
        function hostile_metatable()
          local mt = {__name = {}}
          for _, event in ipairs(events) do mt[event] = boom end
          return mt
        end
        numbers = {1, -7, 2.5, 3.0, -0.0, 1e100, 2^63, math.mininteger, 1/0, -1/0, 0.1, 1/3, 0/0}
        local texts = {}
        for i, n in ipairs(numbers) do texts[i] = tostring(n) end
        expected_numbers = "{ " .. table.concat(texts, ", ") .. " }"
        for _, value in ipairs{0, "", true} do debug.setmetatable(value, hostile_metatable()) end
        debug.setmetatable(nil, hostile_metatable())
        debug.setmetatable(debug.getregistry(), hostile_metatable())
        """

    private func hostileState() throws -> LuaState {
        let state = LuaState()
        try state.run(HostileMetatableTests.prelude)
        return state
    }

    func testPrinterFormatsNumbersAsTostringDoesWithoutRunningMetamethods() throws {
        let state = try hostileState()
        let expected = try state.global("expected_numbers").stringValue
        lua_getglobal(state.L, "numbers")
        XCTAssertEqual(PrettyPrinter(width: 1000).render(at: -1, on: state.L), expected)
        lua_settop(state.L, 0)
    }

    func testPrinterShowsScalarsAndHostileTablesRaw() throws {
        let state = try hostileState()
        try state.pushExpression(
            "setmetatable({'a', true, false, 42, t = setmetatable({x = 1}, hostile_metatable())}, hostile_metatable())")
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: state.L), "{ \"a\", true, false, 42, t = { x = 1 } }")
        lua_pushnil(state.L)
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: state.L), "nil")
        lua_settop(state.L, 0)
    }

    func testPrinterFallsBackToTheTypeWhenTostringRaises() throws {
        let state = try hostileState()
        try state.pushExpression("coroutine.create(print)")
        let text = PrettyPrinter().render(at: -1, on: state.L)
        XCTAssertTrue(text.hasPrefix("<thread: "), text)
        lua_settop(state.L, 0)
        try state.run("debug.setmetatable(print, hostile_metatable())")
        try state.pushExpression("print")
        XCTAssertEqual(PrettyPrinter().render(at: -1, on: state.L), "<function>")
        lua_settop(state.L, 0)
    }

    func testREPLPrintsValuesUnderHostileMetatables() throws {
        let state = try hostileState()
        let repl = REPL(state: state, historyPath: nil)
        var printed = ""
        var errors = ""
        repl.output = { printed += $0 }
        repl.errorOutput = { errors += $0 }
        repl.evaluate("return 1, 2.5, 'x', true, nil, setmetatable({1}, hostile_metatable())")
        XCTAssertEqual(printed, "1\t2.5\t\"x\"\ttrue\tnil\t{ 1 }\n")
        repl.evaluate("return 1 + nil")
        XCTAssertTrue(errors.contains("boom"), errors)
    }

    func testValuesCrossTheBridgeBothWaysUnderHostileMetatables() throws {
        let state = try hostileState()
        state.register("identity") { call in call.arguments }
        let results = try state.run(
            """
            local t = setmetatable({1, "two", {3}, k = false}, {__name = "nowhere", __index = error})
            local ok, copy = pcall(identity, t)
            assert(ok, copy)
            return rawget(copy, 1), rawget(copy, 2), rawget(rawget(copy, 3), 1), rawget(copy, "k"),
              getmetatable(copy) == nil
            """)
        XCTAssertEqual(results, [1, "two", 3, false, true])
    }

    func testTableErrorsComeBackThroughSwiftUnderAHostileRegistry() throws {
        let state = try hostileState()
        state.register("call_back") { call in try call.callBack(call[1]) }
        let results = try state.run(
            """
            local first_ok, first = pcall(call_back, function() error({code = "Mine"}) end)
            local second_ok, second = pcall(call_back, function() error({code = "Again"}) end)
            return first_ok, rawget(first, "code"), second_ok, rawget(second, "code")
            """)
        XCTAssertEqual(results, [false, "Mine", false, "Again"])
    }

    func testTypesAndMetatablesAreRegisteredUnderAHostileRegistry() throws {
        let state = try hostileState()
        final class Thing {}
        state.registerType(Thing.self, name: "test.Thing", methods: ["hello": { _ in ["hi"] }])
        state.defineMetatable("test.marked")
        state.setGlobal("thing", .object(AnyHashableObject(Thing())))
        state.setGlobal("marked", .table(LuaTable(array: [1], metatableName: "test.marked")))
        let results = try state.run("return thing:hello(), rawget(getmetatable(marked), '__name')")
        XCTAssertEqual(results, ["hi", "test.marked"])
    }

    func testCompletionReadsHostileTablesRaw() throws {
        let state = try hostileState()
        try state.run("t = setmetatable({alpha = 1, alps = 2}, hostile_metatable()); s = 'text'")
        XCTAssertEqual(REPLCompletion.candidates(for: "t.al", in: state), ["t.alpha", "t.alps"])
        XCTAssertEqual(REPLCompletion.candidates(for: "t:al", in: state), [])
        XCTAssertEqual(REPLCompletion.candidates(for: "s:up", in: state), [])
    }

    func testCompletionOfAVeryLongPathStaysWithinTheStack() throws {
        let state = LuaState()
        try state.run("t = {}; t.t = t")
        let path = String(repeating: "t.", count: 50_000)
        XCTAssertEqual(REPLCompletion.candidates(for: path + "t", in: state), [path + "t"])
    }

    func testPrinterStopsAtAFixedDepthWhateverItIsAskedFor() throws {
        let state = LuaState()
        try state.pushExpression("(function() local t = {} for i = 1, 200000 do t = {t} end return t end)()")
        let text = PrettyPrinter(maxDepth: Int.max).render(at: -1, on: state.L)
        XCTAssertEqual(text.components(separatedBy: "{...}").count, 2)
        XCTAssertEqual(text.filter { $0 == "{" }.count, LuaState.maximumTableDepth + 1)
        lua_settop(state.L, 0)
    }

    func testTooManyArgumentsForTheStackAreAnError() throws {
        let state = LuaState()
        let select = try state.run("return select").first ?? .nil
        XCTAssertThrowsError(try state.call(select, Array(repeating: .integer(1), count: 2_000_000))) {
            XCTAssertTrue("\($0)".contains("too many arguments"), "\($0)")
        }
        XCTAssertEqual(try state.call(select, ["#", 1, 2]), [2])
    }
}
