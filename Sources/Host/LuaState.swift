import CLua
import CShims

/// One Lua state with the standard libraries open, and the Swift side of the bridge:
/// values pushed and read, Swift functions and objects exposed, protected calls.
///
/// Not thread-safe: use a state from one thread at a time. Nothing here is global to the
/// process; each state keeps its own data in its registry.
public final class LuaState {
    /// The main thread of the state.
    public let L: OpaquePointer
    private(set) var isClosed = false
    /// Converts a Swift error thrown under a Lua call into the Lua error value raised. It gets
    /// the position of the Lua code that made the call (`script.lua:12: `, or empty).
    public var errorConverter: (Error, LuaState, String) -> LuaValue = { error, _, position in
        .string(position + "\(error)")
    }
    /// Swift object types exposed as userdata, by type, with the name of their metatable.
    var userdataTypes: [ObjectIdentifier: String] = [:]

    public init() {
        LuaState.installDispatcher
        L = gs_newstate()
        gs_getextraspace(L).storeBytes(
            of: Unmanaged.passUnretained(self).toOpaque(), as: UnsafeMutableRawPointer.self)
        luaL_openlibs(L)
        createObjectCache()
    }

    deinit {
        isClosed = true
        gs_close(L)
    }

    /// The Swift state that owns `L` (the main thread or any coroutine of it).
    static func owner(of L: OpaquePointer) -> LuaState {
        let raw = gs_getextraspace(L).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<LuaState>.fromOpaque(raw).takeUnretainedValue()
    }

    private static let installDispatcher: Void = {
        gs_set_dispatch { L in LuaState.dispatch(L!) }
    }()

    // MARK: Globals and modules

    /// Sets global `name` to `value`.
    public func setGlobal(_ name: String, _ value: LuaValue) {
        pushGlobals(on: L)
        push(value, on: L)
        LuaState.setRawField(name, of: -2, on: L)
        gs_pop(L, 1)
    }

    /// The value of global `name` (read raw, without metamethods).
    public func global(_ name: String) throws -> LuaValue {
        pushGlobals(on: L)
        LuaState.pushRawField(name, of: -1, on: L)
        defer { gs_pop(L, 2) }
        return try read(at: -1, on: L)
    }

    /// Global `name` as a reference to the Lua value itself (a table keeps its identity).
    public func globalReference(_ name: String) -> LuaValue {
        pushGlobals(on: L)
        LuaState.pushRawField(name, of: -1, on: L)
        defer { gs_pop(L, 2) }
        return lua_type(L, -1) == LUA_TNIL ? .nil : .reference(makeReference(at: -1, on: L))
    }

    /// Registers a Swift function as global `name`.
    public func register(_ name: String, _ body: @escaping LuaFunction.Body) {
        setGlobal(name, .function(LuaFunction(name, body)))
    }

    /// Makes `require(name)` return what `loader` builds, on first use (`package.preload`).
    /// Does nothing when a script has replaced `package` with something that is not a table.
    public func preload(_ name: String, _ loader: @escaping (LuaState) throws -> LuaValue) {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        pushGlobals(on: L)
        guard LuaState.pushRawField("package", of: -1, on: L) == LUA_TTABLE,
            LuaState.pushRawField("preload", of: -1, on: L) == LUA_TTABLE
        else { return }
        push(.function(LuaFunction(name) { call in [try loader(call.state)] }), on: L)
        LuaState.setRawField(name, of: -2, on: L)
    }

    /// Prepends `pattern` (e.g. `/path/?.lua`) to `package.path`.
    public func prependPackagePath(_ pattern: String) {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        pushGlobals(on: L)
        guard LuaState.pushRawField("package", of: -1, on: L) == LUA_TTABLE else { return }
        let current =
            LuaState.pushRawField("path", of: -1, on: L) == LUA_TSTRING
            ? lua_tolstring(L, -1, nil).map { String(cString: $0) } ?? "" : ""
        gs_pop(L, 1)
        lua_pushstring(L, pattern + ";" + current)
        LuaState.setRawField("path", of: -2, on: L)
    }
}
