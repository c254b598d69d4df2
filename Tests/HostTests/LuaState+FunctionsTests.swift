import XCTest

@testable import Host

/// Swift closures called from Lua: arguments in, results out, errors as Lua errors.
final class LuaStateFunctionsTests: XCTestCase {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "swift failure" }
    }

    func testSwiftFunctionGetsArgumentsAndReturnsSeveralResults() throws {
        let state = LuaState()
        state.register("divmod") { call in
            guard let a = call[1].integerValue, let b = call[2].integerValue else { return [] }
            return [.integer(a / b), .integer(a % b), .string(call.functionName)]
        }
        XCTAssertEqual(try state.run("return divmod(17, 5)"), [3, 2, "divmod"])
        XCTAssertEqual(try state.run("local q, r = divmod(9, 2); return q + r"), [5])
    }

    func testSwiftFunctionSeesTablesAndNilArguments() throws {
        let state = LuaState()
        var seen: [LuaValue] = []
        state.register("capture") { call in
            seen = call.arguments
            return []
        }
        try state.run("capture({x = 1}, nil, 'z')")
        XCTAssertEqual(seen, [.table(["x": 1]), .nil, "z"])
    }

    func testSwiftErrorIsCatchableByPcall() throws {
        let state = LuaState()
        state.register("fail") { _ in throw LuaError("bad input") }
        XCTAssertEqual(try state.run("return pcall(fail)"), [false, "bad input"])
        XCTAssertEqual(try state.run("local ok = pcall(fail); return 'went on'"), ["went on"])
    }

    func testTableErrorStaysATableInLua() throws {
        let state = LuaState()
        state.register("fail") { _ in
            throw LuaError(
                value: .table(["code": "NoSuchEntity", "status": 404]), message: "NoSuchEntity",
                traceback: nil)
        }
        let results = try state.run("local ok, e = pcall(fail); return ok, type(e), e.code, e.status")
        XCTAssertEqual(results, [false, "table", "NoSuchEntity", 404])
    }

    func testErrorConverterTurnsOtherErrorsIntoLuaValues() throws {
        let state = LuaState()
        state.errorConverter = { error, _, _ in .table(["kind": "converted", "text": .string("\(error)")]) }
        state.register("fail") { _ in throw Failure() }
        XCTAssertEqual(
            try state.run("local _, e = pcall(fail); return e.kind, e.text"), ["converted", "swift failure"])
    }

    func testDefaultConverterUsesTheErrorDescription() throws {
        let state = LuaState()
        state.register("fail") { _ in throw Failure() }
        XCTAssertEqual(try state.run("return pcall(fail)"), [false, "swift failure"])
    }

    func testUncaughtSwiftErrorReachesTheSwiftCaller() throws {
        let state = LuaState()
        state.register("fail") { _ in throw LuaError("deep trouble") }
        XCTAssertThrowsError(try state.run("fail()", name: "=job")) { error in
            guard let error = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "job:1: deep trouble", "the calling line goes first, as luaL_error puts it")
            XCTAssertTrue(error.traceback?.contains("job:1") ?? false, error.traceback ?? "no traceback")
        }
    }

    func testSwiftFunctionCanBeCalledFromSwift() throws {
        let state = LuaState()
        let twice = LuaFunction("twice") { call in [.integer((call[1].integerValue ?? 0) * 2)] }
        XCTAssertEqual(try state.call(.function(twice), [21]), [42])
    }

    func testArgumentErrorsNameTheFunction() throws {
        let state = LuaState()
        state.register("need") { call in [.string(try call.string(1, "name"))] }
        let results = try state.run("return pcall(need, 12)")
        XCTAssertEqual(results.first, false)
        XCTAssertEqual(results.last, "bad argument #1 to 'need' (name): string expected, got number")
    }

    func testSwiftFunctionsWorkInsideCoroutines() throws {
        let state = LuaState()
        state.register("add") { call in [.integer((call[1].integerValue ?? 0) + (call[2].integerValue ?? 0))] }
        let script = """
            local co = coroutine.create(function(a)
                local b = coroutine.yield(add(a, 1))
                return add(b, 100)
            end)
            local _, first = coroutine.resume(co, 1)
            local _, second = coroutine.resume(co, 5)
            return first, second, coroutine.status(co)
            """
        XCTAssertEqual(try state.run(script), [2, 105, "dead"])
    }

    func testSwiftErrorInsideACoroutineEndsOnlyThatCoroutine() throws {
        let state = LuaState()
        state.register("fail") { _ in throw LuaError("inside coroutine") }
        let script = """
            local co = coroutine.create(function() fail() end)
            local ok, e = coroutine.resume(co)
            return ok, e, coroutine.status(co)
            """
        XCTAssertEqual(try state.run(script), [false, "(chunk):1: inside coroutine", "dead"])
        let wrapped = try state.run("return pcall(coroutine.wrap(function() fail() end))")
        XCTAssertEqual(wrapped, [false, "(chunk):1: inside coroutine"])
    }

    func testSwiftFunctionInCoroutineCanCallBackIntoLua() throws {
        let state = LuaState()
        state.register("apply") { call in try call.state.call(call[1], [call[2]]) }
        let script = """
            local co = coroutine.wrap(function()
                local x = apply(function(n) return n * 3 end, 7)
                coroutine.yield(x)
                return apply(function() error('callback failed') end)
            end)
            local first = co()
            return first, pcall(co)
            """
        let results = try state.run(script)
        XCTAssertEqual(results.prefix(2), [21, false])
        XCTAssertTrue(results.last?.stringValue?.contains("callback failed") ?? false, "\(results)")
    }

    func testFunctionReleasedWhenLuaCollectsIt() throws {
        let state = LuaState()
        final class Token {}
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            state.register("holder") { _ in
                _ = token
                return []
            }
        }
        XCTAssertNotNil(weakToken)
        try state.run("holder = nil; collectgarbage(); collectgarbage()")
        XCTAssertNil(weakToken)
    }
}
