import XCTest

@testable import Host

/// `LuaDataView`: Lua data read in place, raw, with tables handed back as themselves.
final class LuaDataViewTests: XCTestCase {
    /// A global `probe(t)` that reads `t` through a view and returns what it saw, and `t.inner`
    /// pushed back by its handle.
    private func makeState() -> LuaState {
        let state = LuaState()
        state.setGlobal(
            "probe",
            .function(
                LuaFunction(stack: "probe") { state, L in
                    let view = try LuaDataView(on: L)
                    defer { view.close() }
                    guard case .table(let table) = view.read(at: 1) else { throw LuaError("table expected") }
                    var name = "?"
                    if case .string(let s) = view.field("name", of: table) { name = s.text ?? "?" }
                    var second: Int64 = 0
                    if case .integer(let i) = view.element(2, of: table) { second = i }
                    state.push(.boolean(view.isSequence(table)), on: L)
                    state.push(.string(name), on: L)
                    state.push(.integer(second), on: L)
                    state.push(.string(view.metatableName(of: table) ?? "none"), on: L)
                    if case .table(let inner) = view.field("inner", of: table) {
                        view.pushTable(inner)
                    } else {
                        state.push(.nil, on: L)
                    }
                    return 5
                }))
        return state
    }

    func testReadsRawAndHandsTablesBackAsThemselves() throws {
        let state = makeState()
        let result = try state.run(
            """
            local trap = {__index = function() error('ran') end, __len = function() error('ran') end, __name = 'trap'}
            local t = setmetatable({10, 20, name = 'n', inner = {}}, trap)
            local sequence, name, second, metatable, inner = probe(t)
            return sequence, name, second, metatable, inner == t.inner, (probe({1, 2, 3})), (probe({1, nil, 3}))
            """)
        XCTAssertEqual(
            result,
            [
                .boolean(false), .string("n"), .integer(20), .string("trap"), .boolean(true),
                .boolean(true),
                .boolean(false),
            ])
    }

    func testPausesTheCollectorOnlyWhileOpen() throws {
        let state = makeState()
        let result = try state.run(
            """
            probe({})
            local running = collectgarbage('isrunning')
            collectgarbage('stop')
            probe({})
            local stopped = not collectgarbage('isrunning')
            collectgarbage('restart')
            return running, stopped
            """)
        XCTAssertEqual(result, [.boolean(true), .boolean(true)])
    }
}
