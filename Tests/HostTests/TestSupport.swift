import CLua
import XCTest

@testable import Host

extension LuaState {
    /// Sends `value` into Lua as global `v` and reads it back through a Lua function.
    func roundTrip(_ value: LuaValue) throws -> LuaValue {
        setGlobal("v", value)
        return try run("return v").first ?? .nil
    }

    /// Runs `lua` as an expression and leaves its value on top of the main stack.
    func pushExpression(_ lua: String) throws {
        try run("_pushed = " + lua)
        lua_getglobal(L, "_pushed")
    }
}

/// The bytes of a double, so that -0.0 and 0.0 differ.
func bits(_ value: LuaValue) -> UInt64? {
    if case .number(let d) = value { return d.bitPattern }
    return nil
}
