import CLua
import CShims

/// Completion inside a method call's arguments: `obj:method("par` (a string argument) and
/// `obj:method{Par` (a key of a table argument, or of a table nested in it). The object's
/// `__complete` metamethod, called as `__complete(obj, method, kind, keys...)` with kind
/// `"string"` or `"table"` and the keys leading to a nested table, lists what fits; the host
/// knows only Lua's syntax, never what the names mean.
extension REPLCompletion {
    /// Where the cursor is in a call: the receiver's path (`glue`, `clients.s3`), the method
    /// and whether a string or a table key is being typed.
    struct ArgumentContext: Equatable {
        enum Kind: String {
            case string, table
        }
        var receiver: String
        var method: String
        var kind: Kind
        /// For a key of a table nested in the table argument: the keys leading to it, `[]`
        /// for a list element (`Targets`, `S3Targets`, `[]` in `{Targets = {S3Targets = {{`).
        var path: [String] = []
    }

    /// The call whose argument `word` starts, reading `line` (the line up to the cursor,
    /// ending with `word`); nil when the cursor is not at such an argument.
    static func argumentContext(line: String, word: String) -> ArgumentContext? {
        guard line.hasSuffix(word) else { return nil }
        let before = Array(line.dropLast(word.count))
        var openers: [Int] = []
        var quote: Character?
        var quoteStart = 0
        var index = 0
        while index < before.count {
            let character = before[index]
            if let open = quote {
                if character == "\\" {
                    index += 1
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
                quoteStart = index
            } else if "({[".contains(character) {
                openers.append(index)
            } else if ")}]".contains(character) {
                _ = openers.popLast()
            }
            index += 1
        }
        if quote != nil {
            guard let call = callee(before: before, at: quoteStart, allowingBrace: false) else { return nil }
            return ArgumentContext(receiver: call.receiver, method: call.method, kind: .string)
        }
        guard let last = before.last(where: { $0 != " " && $0 != "\t" }), "{,;".contains(last) else { return nil }
        var path: [String] = []
        for open in openers.reversed() {
            guard before[open] == "{" else { return nil }
            if let call = callee(before: before, at: open, allowingBrace: true) {
                return ArgumentContext(receiver: call.receiver, method: call.method, kind: .table, path: path)
            }
            guard let key = key(before: before, at: open) else { return nil }
            path.insert(key, at: 0)
        }
        return nil
    }

    /// What a nested table constructor at `position` is the value of: `Name` after
    /// `Name =`, `[]` for a list element (after `{`, `,` or `;`); nil otherwise.
    private static func key(before text: [Character], at position: Int) -> String? {
        var end = position
        while end > 0 && (text[end - 1] == " " || text[end - 1] == "\t") { end -= 1 }
        guard end > 0 else { return nil }
        if "{,;".contains(text[end - 1]) { return "[]" }
        guard text[end - 1] == "=", end < 2 || text[end - 2] != "=" else { return nil }
        end -= 1
        while end > 0 && (text[end - 1] == " " || text[end - 1] == "\t") { end -= 1 }
        var start = end
        while start > 0, text[start - 1].isLetter || text[start - 1].isNumber || text[start - 1] == "_" { start -= 1 }
        return start < end ? String(text[start..<end]) : nil
    }

    /// `receiver:method` written just before position `at` (an opening quote or brace),
    /// with an optional `(` between.
    private static func callee(before text: [Character], at position: Int, allowingBrace: Bool) -> (
        receiver: String, method: String
    )? {
        var end = position
        func skipBlanks() { while end > 0 && (text[end - 1] == " " || text[end - 1] == "\t") { end -= 1 } }
        skipBlanks()
        if end > 0 && text[end - 1] == "(" {
            end -= 1
            skipBlanks()
        } else if !allowingBrace {
            return nil
        }
        var start = end
        while start > 0, text[start - 1].isLetter || text[start - 1].isNumber || "_.:".contains(text[start - 1]) {
            start -= 1
        }
        let expression = String(text[start..<end])
        guard let colon = expression.lastIndex(of: ":") else { return nil }
        let receiver = String(expression[..<colon])
        let method = String(expression[expression.index(after: colon)...])
        guard !receiver.isEmpty, !method.isEmpty, !receiver.contains(":"), !method.contains(".") else { return nil }
        return (receiver, method)
    }

    /// Candidates for a string argument or a table key of the call in `context`, from the
    /// receiver's `__complete` metamethod; table keys come as `Name = `.
    static func argumentCandidates(_ context: ArgumentContext, word: String, in state: LuaState) -> [String] {
        let L = state.L
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        guard lua_checkstack(L, 8) != 0 else { return [] }
        lua_rawgeti(L, gs_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        for name in context.receiver.split(separator: ".", omittingEmptySubsequences: false) {
            guard lookUp(String(name), on: L) else { return [] }
        }
        let value = lua_gettop(L)
        guard lua_getmetatable(L, value) != 0,
            LuaState.pushRawField("__complete", of: lua_gettop(L), on: L) == LUA_TFUNCTION
        else { return [] }
        guard lua_checkstack(L, Int32(context.path.count) + 4) != 0 else { return [] }
        lua_pushvalue(L, value)
        lua_pushstring(L, context.method)
        lua_pushstring(L, context.kind.rawValue)
        for key in context.path { lua_pushstring(L, key) }
        guard gs_pcall(L, 3 + Int32(context.path.count), 1, 0) == LUA_OK, lua_type(L, -1) == LUA_TTABLE else {
            return []
        }
        var names = Set<String>()
        collectStrings(at: lua_gettop(L), on: L, into: &names)
        let matching = names.filter { $0.hasPrefix(word) }.sorted()
        return context.kind == .table ? matching.map { $0 + " = " } : matching
    }
}
