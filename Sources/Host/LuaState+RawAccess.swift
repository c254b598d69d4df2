import CLua
import CShims

/// Table access that never runs metamethods, for Swift code that may not raise: a
/// metamethod's error would otherwise jump across Swift frames.
///
/// The rule for every Lua API call made while a Swift frame is on the C stack: it may not
/// raise. Lua code and metamethods run only under `gs_pcall` (or `gs_pcall_traceback`); a
/// Swift function's error is raised by the C trampoline after Swift has returned. How each
/// kind of call keeps to it (Host, Bindings, the command line and CShims):
/// - Table reads and writes are raw (`lua_rawget`, `lua_rawgeti`, `lua_rawset`, `lua_rawseti`,
///   `pushRawField`, `setRawField`), the registry's included, since `debug.setmetatable` can
///   give it a metatable; `luaL_newmetatable` and `luaL_setmetatable` are replaced by
///   `pushNewMetatable` and `setMetatable(named:)`. `luaL_ref`/`luaL_unref` are raw in 5.4.
///   Keys are never nil or NaN (`pushTable` skips them), so raw writes do not raise.
/// - Lengths are `lua_rawlen`; traversal is `lua_next` with the key it returned, never
///   changed; no `lua_len`, `luaL_len`, `lua_gettable`, `lua_geti`, `lua_concat`,
///   `lua_compare`, `lua_arith` or `luaL_check*` is called from Swift.
/// - Text: strings are read with `lua_tolstring` only when their type is string (no
///   conversion); numbers are formatted by `gs_format_number`; anything else goes through the
///   global `tostring` under `gs_pcall` (`protectedToString`). `luaL_tolstring` is not used.
/// - Memory: every allocation (`lua_push*`, `lua_createtable`, `lua_newuserdatauv`, growing a
///   table or the stack, `luaL_where`, `luaL_traceback`) can fail. The state's allocator
///   (`gs_newstate`, lua_state.c) knows whether Lua or Swift holds the stack: under
///   `gs_pcall` a failure is the script's catchable "not enough memory"; while Swift runs it
///   ends the process with a message, as Swift itself does when out of memory.
/// - Finalizers (`__gc`) run in protected mode inside Lua and only warn; the bridge's own
///   `__gc` (Swift, called without the trampoline) marks the stack as held by Swift. Ctrl-C's
///   hook fires only while Lua code runs, which is always under a protected call.
/// - Stack: Lua grants 20 free slots to each C function; whatever pushes more (recursion
///   over nested tables, argument and result lists, completion paths) checks
///   `lua_checkstack` and turns a refusal into an error, or into `{...}` when printing.
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

    /// `luaL_newmetatable` without metamethods (a script may give the registry a metatable
    /// through `debug`): pushes the registry's table `name`, creating it with `__name` set
    /// when there is none, and returns whether it was created.
    @discardableResult
    static func pushNewMetatable(_ name: String, on L: OpaquePointer) -> Bool {
        if pushRawField(name, of: gs_registryindex(), on: L) != LUA_TNIL { return false }
        gs_pop(L, 1)
        lua_createtable(L, 0, 2)
        lua_pushstring(L, name)
        setRawField("__name", of: -2, on: L)
        lua_pushvalue(L, -1)
        setRawField(name, of: gs_registryindex(), on: L)
        return true
    }

    /// `luaL_setmetatable` without metamethods: gives the value on top of the stack the
    /// registry's metatable `name` (none when there is no such table).
    static func setMetatable(named name: String, on L: OpaquePointer) {
        if pushRawField(name, of: gs_registryindex(), on: L) == LUA_TTABLE {
            lua_setmetatable(L, -2)
        } else {
            gs_pop(L, 1)
        }
    }
}
