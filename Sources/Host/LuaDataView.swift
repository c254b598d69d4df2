import CLua
import CShims

/// Reads Lua data where it lies, for Swift code that walks large tables without copying
/// them (`aws.search`): tables are held by handle and read with raw gets, `lua_rawlen` and
/// `lua_next` only, so no metamethod runs; strings are borrowed.
///
/// Open it in a stack function (`LuaFunction(stack:)`), on the stack it was given, and
/// `close()` it before returning. While it is open it keeps every table it handed out in an
/// anchor table on the stack, and the garbage collector is paused, so no finalizer can run
/// Lua code that changes the data under it, and borrowed strings stay where they are.
public final class LuaDataView {
    public let L: OpaquePointer
    /// The anchor table's absolute stack index.
    private let anchor: Int32
    private var anchored: lua_Integer = 0
    private let collectorWasRunning: Bool
    private var isOpen = true

    /// Pushes the anchor table onto the stack of `L` and pauses the collector.
    public init(on L: OpaquePointer) throws {
        guard lua_checkstack(L, 8) != 0 else { throw LuaError("not enough Lua stack to read data") }
        self.L = L
        lua_createtable(L, 16, 0)
        anchor = lua_gettop(L)
        collectorWasRunning = gs_gc_pause(L) != 0
    }

    /// Restarts the collector if it was running. The anchor table stays on the stack (below
    /// whatever was pushed since), for the stack function's caller to drop.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if collectorWasRunning { gs_gc_restart(L) }
    }

    deinit { close() }

    /// The value at stack `index`.
    public func read(at index: Int32) -> LuaDatum {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if gs_isinteger(L, index) != 0 { return .integer(Int64(gs_tointeger(L, index, nil))) }
            return .number(gs_tonumber(L, index, nil))
        case LUA_TSTRING:
            var length = 0
            let pointer = gs_tostring(L, index, &length)
            return .string(LuaBorrowedString(bytes: UnsafeRawBufferPointer(start: pointer, count: length)))
        case LUA_TTABLE:
            lua_pushvalue(L, index)
            anchored += 1
            lua_rawseti(L, anchor, anchored)
            return .table(LuaTableHandle(slot: anchored))
        case LUA_TUSERDATA, LUA_TLIGHTUSERDATA: return .userdata(lua_topointer(L, index))
        default: return .other(typeName: String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

    /// `table[name]`, without metamethods.
    public func field(_ name: String, of table: LuaTableHandle) -> LuaDatum {
        pushTable(table)
        var name = name
        name.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
        lua_rawget(L, -2)
        return popped()
    }

    /// `table[i]`, without metamethods.
    public func element(_ i: Int64, of table: LuaTableHandle) -> LuaDatum {
        pushTable(table)
        lua_rawgeti(L, -1, lua_Integer(i))
        return popped()
    }

    /// `table[key]` for a float key, without metamethods (Lua turns integral floats into
    /// integer keys).
    public func value(forNumber key: Double, of table: LuaTableHandle) -> LuaDatum {
        pushTable(table)
        lua_pushnumber(L, key)
        lua_rawget(L, -2)
        return popped()
    }

    /// Calls `body` with `table[1]`, ..., `table[count]`, without metamethods.
    public func forEachElement(of table: LuaTableHandle, upTo count: Int, _ body: (Int, LuaDatum) throws -> Void)
        rethrows
    {
        pushTable(table)
        let index = lua_gettop(L)
        defer { lua_settop(L, index - 1) }
        var i = 1
        while i <= count {
            lua_rawgeti(L, index, lua_Integer(i))
            let datum = read(at: -1)
            gs_pop(L, 1)
            try body(i, datum)
            i += 1
        }
    }

    /// `lua_rawlen`: a border of the table's sequence.
    public func length(of table: LuaTableHandle) -> Int {
        pushTable(table)
        defer { gs_pop(L, 1) }
        return Int(lua_rawlen(L, -1))
    }

    /// Whether the table's keys are exactly `1...n` for some n (true for an empty table).
    public func isSequence(_ table: LuaTableHandle) -> Bool {
        pushTable(table)
        let length = lua_Integer(lua_rawlen(L, -1))
        var count: lua_Integer = 0
        lua_pushnil(L)
        while lua_next(L, -2) != 0 {
            gs_pop(L, 1)
            guard gs_isinteger(L, -1) != 0 else {
                gs_pop(L, 2)
                return false
            }
            let key = gs_tointeger(L, -1, nil)
            guard key >= 1 && key <= length else {
                gs_pop(L, 2)
                return false
            }
            count += 1
        }
        gs_pop(L, 1)
        return count == length
    }

    /// Calls `body` with each key and value of the table, in `lua_next` order.
    public func forEachEntry(of table: LuaTableHandle, _ body: (LuaDatum, LuaDatum) throws -> Void) rethrows {
        pushTable(table)
        let index = lua_gettop(L)
        defer { lua_settop(L, index - 1) }
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let key = read(at: -2)
            let value = read(at: -1)
            gs_pop(L, 1)
            try body(key, value)
        }
    }

    /// The `__name` of the table's metatable, read raw; nil when it has none.
    public func metatableName(of table: LuaTableHandle) -> String? {
        pushTable(table)
        defer { lua_settop(L, -2) }
        guard lua_getmetatable(L, -1) != 0 else { return nil }
        defer { gs_pop(L, 1) }
        guard LuaState.pushRawField("__name", of: -1, on: L) == LUA_TSTRING else {
            gs_pop(L, 1)
            return nil
        }
        defer { gs_pop(L, 1) }
        var length = 0
        let pointer = gs_tostring(L, -1, &length)
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// The identity of the value at stack `index` (`lua_topointer`), to compare with a
    /// `.userdata` datum.
    public func identity(at index: Int32) -> UnsafeRawPointer? { lua_topointer(L, index) }

    /// The identity of a table (`lua_topointer`): the same for every handle to it.
    public func identity(of table: LuaTableHandle) -> UnsafeRawPointer? {
        pushTable(table)
        defer { gs_pop(L, 1) }
        return lua_topointer(L, -1)
    }

    /// Pushes the table itself (not a copy).
    public func pushTable(_ table: LuaTableHandle) {
        precondition(lua_checkstack(L, 4) != 0, "Lua stack overflow while reading data")
        lua_rawgeti(L, anchor, table.slot)
    }

    /// Pushes the string's bytes as a Lua string.
    public func pushString(_ string: LuaBorrowedString) {
        precondition(lua_checkstack(L, 4) != 0, "Lua stack overflow while reading data")
        let bytes = string.bytes.bindMemory(to: CChar.self)
        lua_pushlstring(L, bytes.baseAddress, bytes.count)
    }

    /// Pushes a new table with room for `arrayCount` elements and `fieldCount` fields.
    public func pushNewTable(arrayCount: Int, fieldCount: Int) {
        precondition(lua_checkstack(L, 4) != 0, "Lua stack overflow while building a result")
        lua_createtable(L, Int32(clamping: arrayCount), Int32(clamping: fieldCount))
    }

    /// Pops a value and stores it as `[i]` of the table below it.
    public func setElement(_ i: Int64) { lua_rawseti(L, -2, lua_Integer(i)) }

    /// Pops a value and stores it as `[name]` of the table below it.
    public func setField(_ name: String) { LuaState.setRawField(name, of: -2, on: L) }

    /// Gives the table on top of the stack the registry's metatable `name`.
    public func setMetatable(named name: String) { LuaState.setMetatable(named: name, on: L) }

    /// Pops `count` values.
    public func pop(_ count: Int32 = 1) { gs_pop(L, count) }

    /// The value on top of the stack, popped.
    private func popped() -> LuaDatum {
        let datum = read(at: -1)
        gs_pop(L, 2)
        return datum
    }
}
