import CLua
import CShims

/// Table access that never runs metamethods, for Swift code that may not raise: a
/// metamethod's error would otherwise jump across Swift frames.
extension LuaState {
    /// Pushes `table[name]` without metamethods and returns the value's type; `index` must
    /// hold a table.
    @discardableResult
    public static func pushRawField(_ name: String, of index: Int32, on L: OpaquePointer) -> Int32 {
        let table = lua_absindex(L, index)
        lua_pushstring(L, name)
        return lua_rawget(L, table)
    }

    /// Pops a value and stores it as `table[name]` without metamethods; `index` must hold a
    /// table.
    public static func setRawField(_ name: String, of index: Int32, on L: OpaquePointer) {
        let table = lua_absindex(L, index)
        lua_pushstring(L, name)
        lua_rotate(L, -2, 1)
        lua_rawset(L, table)
    }

    /// Pushes the globals table.
    func pushGlobals(on L: OpaquePointer) {
        lua_rawgeti(L, gs_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
    }
}
