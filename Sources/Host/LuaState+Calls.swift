import CLua
import CShims

extension LuaState {
    /// Calls `function` (a Lua function reference or a Swift function) with `arguments` in
    /// protected mode and returns all its results. A Lua error becomes a thrown `LuaError`
    /// with the message, the traceback and the original error value.
    ///
    /// `thread` is the Lua thread to run it on: a Swift function called from a coroutine
    /// passes its own (`LuaCall.thread`), so a callback runs in that coroutine; by default,
    /// the main thread.
    @discardableResult
    public func call(_ function: LuaValue, _ arguments: [LuaValue] = [], on thread: OpaquePointer? = nil) throws
        -> [LuaValue]
    {
        let L = thread ?? self.L
        let base = lua_gettop(L)
        guard lua_checkstack(L, Int32(clamping: arguments.count + 4)) != 0 else {
            throw LuaError("too many arguments (\(arguments.count)) for the Lua stack")
        }
        push(function, on: L)
        for argument in arguments { push(argument, on: L) }
        return try protectedCall(argumentCount: Int32(arguments.count), base: base, on: L)
    }

    /// Compiles `chunk` without running it; a syntax error is thrown as a `LuaError`.
    public func load(_ chunk: String, name: String) throws -> LuaValue {
        var bytes = Array(chunk.utf8)
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                luaL_loadbufferx(L, $0.baseAddress, $0.count, name, nil)
            }
        }
        return try takeLoaded(status: status)
    }

    /// Compiles the file at `path` (stdin when nil); a `#!` first line is skipped.
    public func loadFile(_ path: String?) throws -> LuaValue {
        try takeLoaded(status: luaL_loadfilex(L, path, nil))
    }

    /// Runs `chunk` and returns its results.
    @discardableResult
    public func run(_ chunk: String, name: String = "=(chunk)", arguments: [LuaValue] = []) throws
        -> [LuaValue]
    {
        try call(try load(chunk, name: name), arguments)
    }

    private func takeLoaded(status: Int32) throws -> LuaValue {
        defer { gs_pop(L, 1) }
        guard status == LUA_OK else {
            let message = lua_tolstring(L, -1, nil).map { String(cString: $0) } ?? "cannot load chunk"
            throw LuaError(value: .string(message), message: message, traceback: nil)
        }
        return .reference(makeReference(at: -1, on: L))
    }

    /// Runs the function and arguments above `base` with the traceback handler and collects
    /// the results, leaving the stack as it was.
    private func protectedCall(argumentCount: Int32, base: Int32, on L: OpaquePointer) throws -> [LuaValue] {
        let status = gs_pcall_traceback(L, argumentCount, LUA_MULTRET)
        defer { lua_settop(L, base) }
        guard status == LUA_OK else { throw errorFromStack(on: L) }
        let top = lua_gettop(L)
        guard top > base else { return [] }
        return try (base + 1...top).map { try read(at: $0, on: L) }
    }

    /// The error on top of the stack, as left by the traceback handler.
    private func errorFromStack(on L: OpaquePointer) -> LuaError {
        if lua_type(L, -1) == LUA_TSTRING {
            let full = (try? read(at: -1, on: L))?.stringValue ?? ""
            let marker = "\nstack traceback:\n"
            if let split = full.lastIndex(of: marker) {
                let message = String(full[..<split])
                let traceback = String(full[split...].dropFirst())
                return LuaError(value: .string(message), message: message, traceback: traceback)
            }
            return LuaError(value: .string(full), message: full, traceback: nil)
        }
        let tracebackKey = String(cString: gs_last_traceback_key)
        let traceback =
            LuaState.pushRawField(tracebackKey, of: gs_registryindex(), on: L) == LUA_TSTRING
            ? lua_tolstring(L, -1, nil).map { String(cString: $0) } : nil
        gs_pop(L, 1)
        lua_pushnil(L)
        LuaState.setRawField(tracebackKey, of: gs_registryindex(), on: L)
        let value =
            lua_type(L, -1) == LUA_TTABLE || lua_type(L, -1) == LUA_TUSERDATA
            ? LuaValue.reference(makeReference(at: -1, on: L)) : ((try? read(at: -1, on: L)) ?? .nil)
        return LuaError(value: value, message: describeError(at: -1, on: L), traceback: traceback)
    }

    /// The text of an error value as `lua` prints it, except that a table with a `code` or a
    /// `message` and no `__tostring` reads `code: message` (`error{code = "X", message = "m"}`
    /// prints `X: m`); any other table without `__tostring` is "(error object is a table value)".
    func describeError(at index: Int32, on L: OpaquePointer) -> String {
        guard lua_type(L, index) == LUA_TTABLE, lua_checkstack(L, 3) != 0 else { return describe(at: index, on: L) }
        let table = lua_absindex(L, index)
        if luaL_getmetafield(L, table, "__tostring") != LUA_TNIL {
            gs_pop(L, 1)
            return describe(at: table, on: L)
        }
        func text(_ name: String) -> String? {
            defer { gs_pop(L, 1) }
            let type = LuaState.pushRawField(name, of: table, on: L)
            guard type == LUA_TSTRING || type == LUA_TNUMBER, let text = lua_tolstring(L, -1, nil) else { return nil }
            return String(cString: text)
        }
        switch (text("code"), text("message")) {
        case (let code?, let message?): return code + ": " + message
        case (let code?, nil): return code
        case (nil, let message?): return message
        case (nil, nil): return "(error object is a table value)"
        }
    }

    /// `tostring` of the value at `index`, honouring `__tostring` when it runs without error.
    public func describe(at index: Int32) -> String {
        describe(at: index, on: L)
    }

    /// `tostring` of the value at `index` of the stack of `L` (this state's main thread or
    /// one of its coroutines). A string is itself, whatever metatable strings have.
    public func describe(at index: Int32, on L: OpaquePointer) -> String {
        if lua_type(L, index) == LUA_TSTRING, let text = (try? read(at: index, on: L))?.stringValue {
            return text
        }
        return protectedToString(at: index, on: L)
            ?? "(error object is a \(String(cString: lua_typename(L, lua_type(L, index)))) value)"
    }

    /// The global `tostring` of the value at `index`, called in protected mode; nil when it
    /// raises or returns something that is not a string or a number.
    public func protectedToString(at index: Int32, on L: OpaquePointer) -> String? {
        let absolute = lua_absindex(L, index)
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        guard lua_checkstack(L, 4) != 0 else { return nil }
        pushGlobals(on: L)
        LuaState.pushRawField("tostring", of: -1, on: L)
        gs_remove(L, -2)
        lua_pushvalue(L, absolute)
        guard gs_pcall(L, 1, 1, 0) == LUA_OK, let text = lua_tolstring(L, -1, nil) else { return nil }
        return String(cString: text)
    }
}
