import CLua
import CShims

extension LuaState {
    /// Pushes a Swift function as a Lua function. The closure lives in a userdata upvalue
    /// and is released when Lua collects the function. The same Swift function pushes as the
    /// same Lua function while Lua holds it (so `f == f` and it can be a table key).
    func pushFunction(_ function: LuaFunction, on L: OpaquePointer) {
        let key = UnsafeMutableRawPointer(Unmanaged.passUnretained(function).toOpaque())
        LuaState.pushRawField(LuaState.objectCacheKey, of: gs_registryindex(), on: L)
        lua_pushlightuserdata(L, key)
        if lua_rawget(L, -2) == LUA_TFUNCTION {
            gs_remove(L, -2)
            return
        }
        gs_pop(L, 1)
        pushRetained(function, metatable: LuaState.functionBoxMetatable, on: L)
        gs_push_swift_closure(L, 1)
        lua_pushlightuserdata(L, key)
        lua_pushvalue(L, -2)
        lua_rawset(L, -4)
        gs_remove(L, -2)
    }

    static let functionBoxMetatable = "gluescript.function"

    /// Called by the C trampoline for every Swift function call from Lua. Returns the number
    /// of results, or GS_RAISE_ERROR with the error value on top of the stack; the trampoline
    /// raises it after this frame has returned, so no longjmp crosses Swift code.
    static func dispatch(_ L: OpaquePointer) -> Int32 {
        let state = owner(of: L)
        guard let box = retainedObject(at: gs_upvalueindex(1), on: L),
            let function = box as? LuaFunction
        else {
            lua_pushstring(L, "gluescript: Swift function without its closure")
            return GS_RAISE_ERROR
        }
        do {
            let body: LuaFunction.Body
            switch function.kind {
            case .stack(let stackBody): return try stackBody(state, L)
            case .pushing(let pushingBody):
                let call = try LuaCall(
                    state: state, arguments: arguments(on: L, of: state), functionName: function.name, thread: L)
                let base = lua_gettop(L)
                let count = try pushingBody(call)
                precondition(lua_gettop(L) == base + count, "'\(function.name)' pushed other than it said")
                return count
            case .values(let valuesBody): body = valuesBody
            }
            let results = try body(
                LuaCall(state: state, arguments: arguments(on: L, of: state), functionName: function.name, thread: L))
            guard lua_checkstack(L, Int32(clamping: results.count + 4)) != 0 else {
                lua_pushstring(L, "too many results from '\(function.name)'")
                return GS_RAISE_ERROR
            }
            for result in results { state.push(result, on: L) }
            return Int32(results.count)
        } catch let error as LuaError {
            if error.needsPosition, case .string(let message) = error.value {
                state.push(.string(callerPosition(L) + message), on: L)
            } else {
                state.push(error.value, on: L)
            }
            return GS_RAISE_ERROR
        } catch {
            state.push(state.errorConverter(error, state, callerPosition(L)), on: L)
            return GS_RAISE_ERROR
        }
    }
}

/// The arguments of the current call (1...top of `L`), copied into Swift values.
private func arguments(on L: OpaquePointer, of state: LuaState) throws -> [LuaValue] {
    let count = lua_gettop(L)
    var arguments: [LuaValue] = []
    arguments.reserveCapacity(Int(count))
    if count > 0 {
        for i in 1...count { arguments.append(try state.read(at: i, on: L)) }
    }
    return arguments
}

extension LuaState {
    /// The Swift function behind the Lua function at `index`, when it is one.
    public func swiftFunction(at index: Int32, on L: OpaquePointer) -> LuaFunction? {
        guard lua_type(L, index) == LUA_TFUNCTION, lua_getupvalue(L, index, 1) != nil else { return nil }
        defer { gs_pop(L, 1) }
        return retainedObject(at: lua_gettop(L), on: L) as? LuaFunction
    }
}

extension LuaState {
    /// Chunk names beginning with this mark the host's own Lua code (wrappers around Swift
    /// functions): an error raised beneath them names the script's line that called in, not
    /// theirs. Load such code with `load(source, name: LuaState.hostChunkPrefix + "name")`.
    public static let hostChunkPrefix = "=[host] "
}

/// `chunk:line: ` of the Lua code calling the current function, past the host's own chunks
/// (`LuaState.hostChunkPrefix`), or "" when unknown (as `luaL_where` gives for C callers).
private func callerPosition(_ L: OpaquePointer) -> String {
    var level: Int32 = 1
    var record = lua_Debug()
    while lua_getstack(L, level, &record) != 0 {
        guard lua_getinfo(L, "Sl", &record) != 0 else { return "" }
        let source = record.source.map { String(cString: $0) } ?? ""
        if !source.hasPrefix(LuaState.hostChunkPrefix) {
            guard record.currentline > 0 else { return "" }
            let name = withUnsafeBytes(of: record.short_src) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            return "\(name):\(record.currentline): "
        }
        level += 1
    }
    return ""
}

/// The Swift object retained by the bridge's userdata at `index`, if it is one and Lua has
/// not collected it yet.
func retainedObject(at index: Int32, on L: OpaquePointer) -> AnyObject? {
    guard lua_type(L, index) == LUA_TUSERDATA,
        lua_rawlen(L, index) == MemoryLayout<UnsafeRawPointer>.size
    else { return nil }
    let hasMarker =
        lua_getiuservalue(L, index, 1) == LUA_TLIGHTUSERDATA
        && lua_touserdata(L, -1) == LuaState.retainedMarker
    gs_pop(L, 1)
    guard hasMarker, let raw = lua_touserdata(L, index)!.load(as: UnsafeMutableRawPointer?.self)
    else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue()
}
