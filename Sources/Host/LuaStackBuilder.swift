import CLua
import CShims

/// Builds Lua values directly on a thread's stack, with no Swift copy in between: for
/// results read from the wire, which would otherwise become a `LuaValue` tree first.
///
/// Containers are built in place: `newTable` pushes a table, a value pushed after it is
/// stored with `append` (arrays) or after a key with `setField` (tables with keys); or
/// key-value pairs wait on the stack and `collectPairs` makes them one table of their exact
/// size. Every write is raw, so no metamethod runs (see `LuaState+RawAccess`). Each
/// `newTable` and key checks for room on the stack, so nesting is bounded only by the
/// reader's own limit.
public struct LuaStackBuilder {
    public let state: LuaState
    /// The Lua thread whose stack is built on.
    public let L: OpaquePointer

    public init(state: LuaState, on L: OpaquePointer) {
        self.state = state
        self.L = L
    }

    /// The height of the stack, to return to with `reset(to:)` when building fails midway.
    public var top: Int32 { lua_gettop(L) }

    /// Drops whatever was pushed above `top`.
    public func reset(to top: Int32) { lua_settop(L, top) }

    /// Pushes a new table sized for `arrayHint` elements and `fieldHint` keyed members.
    public func newTable(arrayHint: Int = 0, fieldHint: Int = 0) throws {
        try reserve(3)
        lua_createtable(L, Int32(clamping: arrayHint), Int32(clamping: fieldHint))
    }

    /// Pushes UTF-8 text or raw bytes as a Lua string.
    public func pushString(_ bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
    }

    /// Pushes a Swift string; native strings are pushed from their own storage.
    public func pushString(_ text: String) {
        let pushed: Void? = text.utf8.withContiguousStorageIfAvailable { pushString($0) }
        if pushed == nil {
            var copy = text
            copy.withUTF8 { pushString($0) }
        }
    }

    /// Pushes raw bytes as a Lua string.
    public func pushBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { pushString($0) }
    }

    public func pushInteger(_ value: Int64) { lua_pushinteger(L, lua_Integer(value)) }
    public func pushNumber(_ value: Double) { lua_pushnumber(L, value) }
    public func pushBoolean(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    public func pushNil() { lua_pushnil(L) }

    /// Pushes any value already held in Swift (a sentinel object, for instance).
    public func push(_ value: LuaValue) { state.push(value, on: L) }

    /// Pushes a key for the next `setField`, checking for room first.
    public func pushKey(_ name: String) throws {
        try reserve(3)
        pushString(name)
    }

    /// Pushes a key for the next `setField` from UTF-8 bytes, checking for room first.
    public func pushKey(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try reserve(3)
        pushString(bytes)
    }

    /// Pops a key and a value and stores `table[key] = value` in the table beneath them; a
    /// nil value removes the key. The key is never nil or NaN (strings only come here).
    public func setField() { lua_rawset(L, -3) }

    /// Pops a value and stores it at position `index` of the table beneath it.
    public func append(at index: Int) { lua_rawseti(L, -2, lua_Integer(index)) }

    /// Replaces the key-value pairs from stack position `base` to the top with one table
    /// holding them, sized for them exactly (later pairs win, nil values remove).
    public func collectPairs(from base: Int32) throws {
        let pairs = (lua_gettop(L) - base + 1) / 2
        try reserve(4)
        lua_createtable(L, 0, pairs)
        if pairs == 0 { return }
        var key = base
        while key < base + 2 * pairs {
            lua_pushvalue(L, key)
            lua_pushvalue(L, key + 1)
            lua_rawset(L, -3)
            key += 2
        }
        gs_replace(L, base)
        lua_settop(L, base)
    }

    /// Gives the table on top the registry's metatable `name` (see `registerType`).
    public func setMetatable(named name: String) { LuaState.setMetatable(named: name, on: L) }

    private func reserve(_ slots: Int32) throws {
        guard lua_checkstack(L, slots) != 0 else {
            throw LuaError("a value nested too deep for the Lua stack")
        }
    }
}
