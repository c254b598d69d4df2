import CLua
import CShims

extension LuaState {
    /// Pushes `value` onto the stack of `L` (this state's main thread or one of its coroutines).
    ///
    /// The four slots checked here cover a scalar, a function or an object (whose pushes
    /// rely on them); a table takes two slots per level of nesting, each level checking.
    /// Values come from `read` (at most `maximumTableDepth` levels) or from the JSON and XML
    /// decoders (512 levels), far below Lua's limit of a million slots, so running out of
    /// stack here is a bug in the host.
    public func push(_ value: LuaValue, on L: OpaquePointer) {
        precondition(lua_checkstack(L, 4) != 0, "Lua stack overflow: a value nested too deep to push")
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s):
            var s = s
            s.withUTF8 { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) {
                    lua_pushlstring(L, $0.baseAddress, $0.count)
                }
            }
        case .bytes(let b):
            b.withUnsafeBufferPointer { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) {
                    lua_pushlstring(L, $0.baseAddress, $0.count)
                }
            }
        case .table(let t): pushTable(t, on: L)
        case .function(let f): pushFunction(f, on: L)
        case .object(let o): pushObject(o.object, on: L)
        case .reference(let r): lua_rawgeti(L, gs_registryindex(), lua_Integer(r.ref))
        }
    }

    private func pushTable(_ table: LuaTable, on L: OpaquePointer) {
        lua_createtable(L, Int32(clamping: table.array.count), Int32(clamping: table.fields.count))
        for (i, element) in table.array.enumerated() {
            push(element, on: L)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
        for (key, element) in table.fields where key != .nil {
            if case .number(let d) = key, d.isNaN { continue }
            push(key, on: L)
            push(element, on: L)
            lua_rawset(L, -3)
        }
        if let name = table.metatableName {
            LuaState.setMetatable(named: name, on: L)
        }
    }

    /// Reads the value at `index` of the stack of `L`. Tables are copied deeply; a table
    /// that contains itself is an error.
    public func read(at index: Int32, on L: OpaquePointer) throws -> LuaValue {
        var visiting = Set<UnsafeRawPointer>()
        return try read(at: lua_absindex(L, index), on: L, visiting: &visiting)
    }

    private func read(at index: Int32, on L: OpaquePointer, visiting: inout Set<UnsafeRawPointer>)
        throws -> LuaValue
    {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if gs_isinteger(L, index) != 0 { return .integer(Int64(gs_tointeger(L, index, nil))) }
            return .number(gs_tonumber(L, index, nil))
        case LUA_TSTRING:
            var length = 0
            let pointer = gs_tostring(L, index, &length)!
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            if let text = String(utf8Text: bytes) { return .string(text) }
            return .bytes(Array(bytes))
        case LUA_TTABLE: return try readTable(at: index, on: L, visiting: &visiting)
        case LUA_TUSERDATA:
            if let object = objectIfSwift(at: index, on: L) { return .object(AnyHashableObject(object)) }
            return .reference(makeReference(at: index, on: L))
        default:
            return .reference(makeReference(at: index, on: L))
        }
    }

    private func readTable(
        at index: Int32, on L: OpaquePointer, visiting: inout Set<UnsafeRawPointer>
    ) throws
        -> LuaValue
    {
        let identity = lua_topointer(L, index)!
        guard visiting.insert(identity).inserted else {
            throw LuaError("table contains itself (a cycle cannot be copied)")
        }
        guard visiting.count <= LuaState.maximumTableDepth else {
            throw LuaError("table nested more than \(LuaState.maximumTableDepth) levels deep")
        }
        defer { visiting.remove(identity) }
        guard lua_checkstack(L, 6) != 0 else {
            throw LuaError("table nested too deep for the Lua stack")
        }
        var table = LuaTable(array: [])
        let length = lua_rawlen(L, index)
        table.array.reserveCapacity(Int(length))
        var i: lua_Integer = 1
        while i <= lua_Integer(length) {
            lua_rawgeti(L, index, i)
            if lua_type(L, -1) == LUA_TNIL {
                gs_pop(L, 1)
                break
            }
            table.array.append(try read(at: lua_absindex(L, -1), on: L, visiting: &visiting))
            gs_pop(L, 1)
            i += 1
        }
        let sequenceEnd = i - 1
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            if gs_isinteger(L, -2) != 0 {
                let k = gs_tointeger(L, -2, nil)
                if k >= 1 && k <= sequenceEnd {
                    gs_pop(L, 1)
                    continue
                }
            }
            let key = try read(at: lua_absindex(L, -2), on: L, visiting: &visiting)
            let value = try read(at: lua_absindex(L, -1), on: L, visiting: &visiting)
            table.fields[key] = value
            gs_pop(L, 1)
        }
        if lua_getmetatable(L, index) != 0 {
            if LuaState.pushRawField("__name", of: -1, on: L) == LUA_TSTRING {
                table.metatableName = String(cString: lua_tolstring(L, -1, nil))
            }
            gs_pop(L, 2)
        }
        return .table(table)
    }

    /// How deep tables may nest when copied into Swift; deeper is an error, not a crash.
    public static let maximumTableDepth = 1000

    /// Keeps the value at `index` in the registry and returns a handle to it.
    public func makeReference(at index: Int32, on L: OpaquePointer) -> LuaReference {
        let typeName = String(cString: lua_typename(L, lua_type(L, index)))
        lua_pushvalue(L, index)
        let ref = luaL_ref(L, gs_registryindex())
        return LuaReference(state: self, ref: ref, typeName: typeName)
    }
}
