import CLua
import XCTest

@testable import Host

/// Lua code run from Swift: results come back, errors are thrown with message and traceback.
final class LuaStateCallsTests: XCTestCase {
    func testLuaErrorBecomesLuaErrorWithPositionAndTraceback() throws {
        let state = LuaState()
        XCTAssertThrowsError(try state.run("error('boom')", name: "x = 1")) { error in
            guard let error = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "[string \"x = 1\"]:1: boom")
            XCTAssertEqual(error.value, .string("[string \"x = 1\"]:1: boom"))
            XCTAssertTrue(error.traceback?.hasPrefix("stack traceback:") ?? false, error.traceback ?? "none")
        }
    }

    func testChunkNameAppearsInMessageAndTraceback() throws {
        let state = LuaState()
        XCTAssertThrowsError(try state.run("local a = 1\nerror('boom')", name: "@jobs.lua")) { error in
            guard let error = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "jobs.lua:2: boom")
            XCTAssertTrue(error.traceback?.contains("jobs.lua:2") ?? false, error.traceback ?? "none")
            XCTAssertTrue("\(error)".contains("stack traceback"))
        }
    }

    func testSyntaxErrorIsThrownByLoad() throws {
        let state = LuaState()
        XCTAssertThrowsError(try state.load("x = = 1", name: "=input")) { error in
            XCTAssertEqual((error as? LuaError)?.message, "input:1: unexpected symbol near '='")
        }
    }

    func testTableErrorKeepsItsValueAndTostring() throws {
        let state = LuaState()
        let script = "error(setmetatable({code = 7}, {__tostring = function(e) return 'code ' .. e.code end}))"
        XCTAssertThrowsError(try state.run(script)) { error in
            guard let error = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "code 7")
            XCTAssertEqual(error.value.typeName, "table")
            XCTAssertTrue(error.traceback?.contains("stack traceback") ?? false)
        }
    }

    func testTableErrorThroughSwiftReachesOuterPcallAsTheSameTable() throws {
        let state = LuaState()
        state.register("callback") { call in try call.state.call(call[1]) }
        let script = """
            local problem = {code = 'Throttled'}
            local ok, e = pcall(callback, function() error(problem) end)
            return ok, rawequal(e, problem), e.code
            """
        XCTAssertEqual(try state.run(script), [false, true, "Throttled"])
    }

    func testCallReturnsAllResultsAndLeavesTheStackAsItWas() throws {
        let state = LuaState()
        let function = try state.load("return ...", name: "=echo")
        let before = lua_gettop(state.L)
        XCTAssertEqual(try state.call(function, [1, "two", .nil, 4]), [1, "two", .nil, 4])
        XCTAssertThrowsError(try state.run("error('x')"))
        XCTAssertEqual(lua_gettop(state.L), before)
    }

    func testNumberErrorValue() throws {
        let state = LuaState()
        XCTAssertThrowsError(try state.run("error(42)")) { error in
            XCTAssertEqual((error as? LuaError)?.value, 42)
            XCTAssertEqual((error as? LuaError)?.message, "42")
        }
    }
}

/// Callbacks a Swift function makes run on the thread that called it.
final class LuaCallCallbackTests: XCTestCase {
    func testACallbackFromInsideACoroutineRunsInThatCoroutine() throws {
        let state = LuaState()
        state.register("each") { call in try call.callBack(call[1]) }
        let result = try state.run(
            """
            local inside = coroutine.wrap(function()
              return each(function() local _, main = coroutine.running() return main end)
            end)()
            local outside = each(function() local _, main = coroutine.running() return main end)
            return inside, outside
            """)
        XCTAssertEqual(result, [false, true])
    }
}
