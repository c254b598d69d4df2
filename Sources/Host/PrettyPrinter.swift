import CLua
import CShims

/// Renders Lua values for people: nested tables with sorted keys, bare identifiers where
/// Lua allows them, cycles marked, long tables cut with a count, and short tables kept
/// on one line. Used by the REPL and by `aws.inspect`.
public struct PrettyPrinter {
    /// Tables nested deeper than this (or than `LuaState.maximumTableDepth`, whichever is
    /// less) print as `{...}`.
    public var maxDepth: Int
    /// Entries shown per table before the rest is summarised as a count.
    public var maxEntries: Int
    /// Lines longer than this break into one entry per line.
    public var width: Int

    public init(maxDepth: Int = 32, maxEntries: Int = 200, width: Int = 80) {
        self.maxDepth = maxDepth
        self.maxEntries = maxEntries
        self.width = width
    }

    /// The text of the value at `index` of `L`'s stack. Never raises into Lua: numbers are
    /// formatted here as `tostring` does, tables are read raw, and the only metamethods run
    /// are the `__tostring` and `__name` of functions and userdata, through a protected call.
    public func render(at index: Int32, on L: OpaquePointer) -> String {
        var ancestors = Set<UnsafeRawPointer>()
        let document = build(at: lua_absindex(L, index), on: L, depth: 0, ancestors: &ancestors)
        return layout(document, indent: 0, column: 0)
    }

    private indirect enum Document {
        case atom(String)
        case table(entries: [(key: String?, value: Document)], omitted: Int)
    }

    private func build(
        at index: Int32, on L: OpaquePointer, depth: Int, ancestors: inout Set<UnsafeRawPointer>
    )
        -> Document
    {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .atom("nil")
        case LUA_TBOOLEAN: return .atom(lua_toboolean(L, index) != 0 ? "true" : "false")
        case LUA_TNUMBER:
            var buffer = [CChar](repeating: 0, count: 64)
            return .atom(
                buffer.withUnsafeMutableBufferPointer { text in
                    gs_format_number(L, index, text.baseAddress, text.count)
                    return String(cString: text.baseAddress!)
                })
        case LUA_TSTRING:
            var length = 0
            let pointer = gs_tostring(L, index, &length)!
            return .atom(LuaStringLiteral.quote(UnsafeRawBufferPointer(start: pointer, count: length)))
        case LUA_TTABLE:
            return buildTable(at: index, on: L, depth: depth, ancestors: &ancestors)
        default:
            let text = LuaState.owner(of: L).protectedToString(at: index, on: L)
            return .atom("<" + (text ?? String(cString: lua_typename(L, lua_type(L, index)))) + ">")
        }
    }

    private func buildTable(
        at index: Int32, on L: OpaquePointer, depth: Int, ancestors: inout Set<UnsafeRawPointer>
    )
        -> Document
    {
        let identity = lua_topointer(L, index)!
        if ancestors.contains(identity) { return .atom("<cycle>") }
        if depth >= min(maxDepth, LuaState.maximumTableDepth) || lua_checkstack(L, 8) == 0 {
            return .atom("{...}")
        }
        ancestors.insert(identity)
        defer { ancestors.remove(identity) }

        var entries: [(key: String?, value: Document)] = []
        var omitted = 0
        var sequenceEnd: lua_Integer = 0
        while lua_rawgeti(L, index, sequenceEnd + 1) != LUA_TNIL {
            if entries.count < maxEntries {
                entries.append(
                    (nil, build(at: lua_absindex(L, -1), on: L, depth: depth + 1, ancestors: &ancestors)))
            } else {
                omitted += 1
            }
            gs_pop(L, 1)
            sequenceEnd += 1
        }
        gs_pop(L, 1)

        var keyed: [(sort: SortKey, key: String, value: Document)] = []
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            if gs_isinteger(L, -2) != 0, case let k = gs_tointeger(L, -2, nil), k >= 1, k <= sequenceEnd {
                gs_pop(L, 1)
                continue
            }
            let key = keyText(at: lua_absindex(L, -2), on: L)
            let value = build(at: lua_absindex(L, -1), on: L, depth: depth + 1, ancestors: &ancestors)
            keyed.append((sortKey(at: lua_absindex(L, -2), on: L), key, value))
            gs_pop(L, 1)
        }
        keyed.sort { $0.sort < $1.sort }
        for entry in keyed {
            if entries.count < maxEntries {
                entries.append((entry.key, entry.value))
            } else {
                omitted += 1
            }
        }
        return .table(entries: entries, omitted: omitted)
    }

    private func keyText(at index: Int32, on L: OpaquePointer) -> String {
        if lua_type(L, index) == LUA_TSTRING {
            var length = 0
            let pointer = gs_tostring(L, index, &length)!
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            if LuaStringLiteral.isIdentifier(bytes) { return String(decoding: bytes, as: UTF8.self) }
            return "[" + LuaStringLiteral.quote(bytes) + "]"
        }
        var ancestors = Set<UnsafeRawPointer>()
        return "[" + flat(build(at: index, on: L, depth: maxDepth, ancestors: &ancestors))
            + "]"
    }

    /// Numbers first (by value), then strings (by bytes), then everything else by type.
    private struct SortKey: Comparable {
        var rank: Int
        var number: Double
        var text: [UInt8]

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.number != b.number { return a.number < b.number }
            return a.text.lexicographicallyPrecedes(b.text)
        }
    }

    private func sortKey(at index: Int32, on L: OpaquePointer) -> SortKey {
        switch lua_type(L, index) {
        case LUA_TNUMBER: return SortKey(rank: 0, number: gs_tonumber(L, index, nil), text: [])
        case LUA_TSTRING:
            var length = 0
            let pointer = gs_tostring(L, index, &length)!
            return SortKey(
                rank: 1, number: 0, text: Array(UnsafeRawBufferPointer(start: pointer, count: length)))
        default:
            return SortKey(rank: 2 + Int(lua_type(L, index)), number: 0, text: [])
        }
    }

    private func flat(_ document: Document) -> String {
        switch document {
        case .atom(let text): return text
        case .table(let entries, let omitted):
            if entries.isEmpty && omitted == 0 { return "{}" }
            var parts = entries.map { ($0.key.map { $0 + " = " } ?? "") + flat($0.value) }
            if omitted > 0 { parts.append("... (\(omitted) more)") }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    /// `indent` is the nesting indentation of the line the document starts on; `column`
    /// where it starts on that line (after a key), for fitting it within `width`.
    private func layout(_ document: Document, indent: Int, column: Int) -> String {
        let single = flat(document)
        guard case .table(let entries, let omitted) = document, column + single.count > width else {
            return single
        }
        let pad = String(repeating: " ", count: indent + 2)
        var lines = entries.map { entry -> String in
            let prefix = entry.key.map { $0 + " = " } ?? ""
            return pad + prefix + layout(entry.value, indent: indent + 2, column: indent + 2 + prefix.count)
        }
        if omitted > 0 { lines.append(pad + "... (\(omitted) more)") }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent)
            + "}"
    }
}
