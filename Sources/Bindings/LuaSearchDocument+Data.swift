import AWSCore
import Host
import OrderedCollections

extension LuaSearchDocument {
    /// The params table at stack `index` as data; its member `bytesMember` (a blob payload,
    /// such as `put_object`'s `Body`), when a string, is taken as bytes, so the body is copied
    /// once and not again from text to bytes.
    func params(at index: Int32, bytesMember: String?) throws -> JSONValue {
        var open: Set<UnsafeRawPointer> = []
        guard case .table(let table) = view.read(at: index) else {
            return try data(view.read(at: index), at: .root, open: &open)
        }
        return try tableData(table, at: .root, open: &open, bytesMember: bytesMember)
    }

    /// `datum` as data, tables read whole in one pass over their entries each: what
    /// `LuaValue.toJSON` makes of a copy, with the same errors, a table that contains itself
    /// and nesting deeper than a copy may included. `path` is where `datum` lies; `open`
    /// holds the tables being read around it.
    func data(_ datum: LuaDatum, at path: InputPath, open: inout Set<UnsafeRawPointer>) throws -> JSONValue {
        switch datum {
        case .nil: return .null
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .double(d)
        case .string(let s): return s.text.map(JSONValue.string) ?? .binary(s.array)
        case .table(let table): return try tableData(table, at: path, open: &open)
        case .userdata(let identity) where identity == nullIdentity: return .null
        case .userdata: throw Self.notData("userdata", at: path)
        case .other(let typeName): throw Self.notData(typeName, at: path)
        }
    }

    /// A table: an array when its keys are exactly `1...n` (n ≥ 1), or it is empty and
    /// marked `aws.json.array`; otherwise an object whose number keys read as their text,
    /// its members sorted by name (of two keys with one name, the last met is kept).
    private func tableData(
        _ table: LuaTableHandle, at path: InputPath, open: inout Set<UnsafeRawPointer>, bytesMember: String? = nil
    ) throws -> JSONValue {
        guard let identity = view.identity(of: table), open.insert(identity).inserted else {
            throw LuaError("table contains itself (a cycle cannot be copied)")
        }
        guard open.count <= LuaState.maximumTableDepth else {
            throw LuaError("table nested more than \(LuaState.maximumTableDepth) levels deep")
        }
        defer { open.remove(identity) }
        var entries: [(key: LuaDatum, value: LuaDatum)] = []
        var positions = 0
        view.forEachEntry(of: table) { key, value in
            if case .integer = key { positions += 1 }
            entries.append((key, value))
        }
        if positions == entries.count, let elements = Self.sequence(entries) {
            if elements.isEmpty && view.metatableName(of: table) != jsonArrayMetatable { return .object([:]) }
            var array: [JSONValue] = []
            array.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                array.append(try data(element, at: path.index(index + 1), open: &open))
            }
            return .array(array)
        }
        var named: [(name: String, value: LuaDatum)] = []
        named.reserveCapacity(entries.count)
        for (key, value) in entries { named.append((try Self.name(of: key, at: path), value)) }
        let sorted = named.enumerated().sorted { a, b in
            a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
        }
        var members = OrderedDictionary<String, JSONValue>(minimumCapacity: sorted.count)
        for (_, member) in sorted {
            if member.name == bytesMember, case .string(let bytes) = member.value {
                members[member.name] = .binary(bytes.array)
                continue
            }
            members[member.name] = try data(member.value, at: path.member(member.name), open: &open)
        }
        return .object(members)
    }

    /// The values of entries whose integer keys are exactly `1...n`, in order; nil otherwise.
    private static func sequence(_ entries: [(key: LuaDatum, value: LuaDatum)]) -> [LuaDatum]? {
        var elements = [LuaDatum](repeating: .nil, count: entries.count)
        for (key, value) in entries {
            guard case .integer(let position) = key, position >= 1, position <= entries.count else { return nil }
            elements[Int(position) - 1] = value
        }
        return elements
    }

    /// The member name of a key, as `LuaValue.toJSON` names it.
    static func name(of key: LuaDatum, at path: @autoclosure () -> InputPath) throws -> String {
        switch key {
        case .string(let s):
            guard let text = s.text else {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(path().text)[\(LuaStringLiteral.quoted(s.array))]: a table key must be UTF-8 text")
            }
            return text
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .nil: return ""
        case .boolean: throw badKey("boolean", at: path())
        case .table: throw badKey("table", at: path())
        case .userdata: throw badKey("userdata", at: path())
        case .other(let typeName): throw badKey(typeName, at: path())
        }
    }

    private static func badKey(_ typeName: String, at path: InputPath) -> AWSError {
        AWSError(
            code: "ValidationError",
            message: "\(path.isRoot ? "value" : path.text): a \(typeName) key cannot be converted")
    }

    static func notData(_ typeName: String, at path: InputPath) -> AWSError {
        AWSError(
            code: "ValidationError",
            message: "\(path.isRoot ? "value" : path.text): a \(typeName) cannot be converted to data")
    }
}
