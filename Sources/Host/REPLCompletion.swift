import CEditShims
import CLua
import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tab completion for the REPL: globals, fields of tables reached by `a.b.c`, and the
/// methods a value's metatable offers after `:` (its `__index` table, and the names its
/// `__complete` metamethod lists: a host's objects with dynamic methods). Looks values up
/// with raw access only, so completing never runs a script's `__index` code. Inside a
/// method call's string or table argument the object's `__complete` lists what fits (see
/// `REPLCompletion+Arguments`).
enum REPLCompletion {
    /// The state being completed; the terminal has one prompt at a time.
    nonisolated(unsafe) private static var current: LuaState?

    static func install(for state: LuaState) {
        current = state
        gs_set_completion_provider { text, line in
            guard let text, let state = REPLCompletion.current else { return nil }
            let candidates = REPLCompletion.candidates(
                for: String(cString: text), line: line.map { String(cString: $0) }, in: state)
            guard !candidates.isEmpty else { return nil }
            let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
                capacity: candidates.count + 2)
            let common = REPLCompletion.commonPrefix(candidates)
            array[0] = strdup(candidates.count == 1 ? candidates[0] : common)
            for (i, candidate) in candidates.enumerated() { array[i + 1] = strdup(candidate) }
            array[candidates.count + 1] = nil
            return array
        }
    }

    static func uninstall() { current = nil }

    /// Completions of `text` (`pri`, `string.fo`, `glue:get_da`), sorted; with the `line`
    /// up to the cursor, also of a call's string argument or table key.
    static func candidates(for text: String, line: String? = nil, in state: LuaState) -> [String] {
        if let line, let context = argumentContext(line: line, word: text) {
            return argumentCandidates(context, word: text, in: state)
        }
        let L = state.L
        let separatorIndex = text.lastIndex { $0 == "." || $0 == ":" }
        let path = separatorIndex.map { String(text[..<$0]) } ?? ""
        let partial = separatorIndex.map { String(text[text.index(after: $0)...]) } ?? text
        let prefix = separatorIndex.map { String(text[...$0]) } ?? ""
        let isMethod = separatorIndex.map { text[$0] == ":" } ?? false

        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        lua_rawgeti(L, gs_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        if !path.isEmpty {
            for name in path.split(separator: ".", omittingEmptySubsequences: false) {
                guard lookUp(String(name), on: L) else { return [] }
            }
        }
        var names = Set<String>()
        if !isMethod { collectKeys(at: lua_gettop(L), on: L, into: &names) }
        let value = lua_gettop(L)
        if lua_getmetatable(L, value) != 0 {
            let metatable = lua_gettop(L)
            if LuaState.pushRawField("__index", of: metatable, on: L) == LUA_TTABLE {
                collectKeys(at: lua_gettop(L), on: L, into: &names)
            }
            if LuaState.pushRawField("__complete", of: metatable, on: L) == LUA_TFUNCTION {
                lua_pushvalue(L, value)
                if gs_pcall(L, 1, 1, 0) == LUA_OK, lua_type(L, -1) == LUA_TTABLE {
                    collectStrings(at: lua_gettop(L), on: L, into: &names)
                }
            }
        }
        return names.filter { $0.hasPrefix(partial) }.sorted().map { prefix + $0 }
    }

    /// Replaces the table on top of the stack by its field `name`; false when there is none.
    static func lookUp(_ name: String, on L: OpaquePointer) -> Bool {
        guard lua_checkstack(L, 4) != 0 else { return false }
        if lua_type(L, -1) == LUA_TTABLE {
            lua_pushstring(L, name)
            lua_rawget(L, -2)
        } else if lua_getmetatable(L, -1) != 0, LuaState.pushRawField("__index", of: -1, on: L) == LUA_TTABLE {
            lua_pushstring(L, name)
            lua_rawget(L, -2)
        } else {
            return false
        }
        return lua_type(L, -1) != LUA_TNIL
    }

    private static func collectKeys(
        at index: Int32, on L: OpaquePointer, into names: inout Set<String>
    ) {
        guard lua_type(L, index) == LUA_TTABLE else { return }
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            if lua_type(L, -2) == LUA_TSTRING, let key = lua_tolstring(L, -2, nil) {
                let name = String(cString: key)
                if !name.hasPrefix("__") { names.insert(name) }
            }
            gs_pop(L, 1)
        }
    }

    /// The string values of the sequence at `index` (a userdata's `__complete` answer).
    static func collectStrings(at index: Int32, on L: OpaquePointer, into names: inout Set<String>) {
        var i: lua_Integer = 1
        while lua_rawgeti(L, index, i) == LUA_TSTRING {
            if let text = lua_tolstring(L, -1, nil) { names.insert(String(cString: text)) }
            gs_pop(L, 1)
            i += 1
        }
        gs_pop(L, 1)
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var n = 0
            while n < prefix.count && n < characters.count && prefix[n] == characters[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }
}
