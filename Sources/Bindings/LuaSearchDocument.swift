import AWSCore
import Host
import OrderedCollections

/// Lua data as JMESPath reads it for `aws.search`, in place: tables are read raw through a
/// `LuaDataView` as the expression visits them, never copied.
///
/// The same rules as `LuaValue.toJSON`: `aws.json.null` is null; a table whose keys are
/// exactly `1...n` (n ≥ 1), or an empty one marked `aws.json.array`, is an array, any other
/// table an object whose integer and float keys read as their text; functions and other
/// userdata, and keys that are not UTF-8 text, numbers or strings, are errors naming their
/// path, found when the expression reaches them.
final class LuaSearchDocument: JMESPathDocument {
    let state: LuaState
    let view: LuaDataView
    /// The identity of `aws.json.null` in this state.
    let nullIdentity: UnsafeRawPointer?
    /// How each table was reached (for paths in errors) and, once known, its kind; by the
    /// handle's number less one.
    private var tables: [TableInfo] = []

    private struct TableInfo {
        var parent: LuaTableHandle?
        var step: Step
        var kind: JMESPathContent?
    }

    /// The last step of a path: the data itself, a member or an element.
    private enum Step {
        case root
        case member(String)
        case element(Int64)
    }

    init(state: LuaState, view: LuaDataView) {
        self.state = state
        self.view = view
        state.push(JSONNull.value, on: view.L)
        nullIdentity = view.identity(at: -1)
        view.pop()
    }

    /// The data at stack `index`.
    func root(at index: Int32) throws -> LuaSearchValue {
        try value(view.read(at: index), in: nil, at: .root)
    }

    var null: LuaSearchValue { .null }

    func content(of value: LuaSearchValue) throws -> JMESPathContent {
        switch value {
        case .null: return .null
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .double(d)
        case .string(let s): return .string(s.repairedText)
        case .text(let s): return .string(s)
        case .table(let table): return kind(of: table)
        case .array: return .array
        case .object: return .object
        }
    }

    func member(_ name: String, of value: LuaSearchValue) throws -> LuaSearchValue? {
        switch value {
        case .object(let members): return members[name]
        case .table(let table):
            // A string key makes the table an object, so a found member needs no other check.
            let found = view.field(name, of: table)
            if case .nil = found {
                guard let numeric = numericKey(name, of: table) else { return nil }
                return try self.value(numeric, in: table, at: .member(name))
            }
            return try self.value(found, in: table, at: .member(name))
        default: return nil
        }
    }

    func elements(of value: LuaSearchValue) throws -> [LuaSearchValue]? {
        switch value {
        case .array(let elements): return elements
        case .table(let table):
            guard kind(of: table) == .array else { return nil }
            let count = view.length(of: table)
            var elements: [LuaSearchValue] = []
            elements.reserveCapacity(count)
            try view.forEachElement(of: table, upTo: count) { i, datum in
                elements.append(try self.value(datum, in: table, at: .element(Int64(i))))
            }
            return elements
        default: return nil
        }
    }

    func members(of value: LuaSearchValue) throws -> [(key: String, value: LuaSearchValue)]? {
        switch value {
        case .object(let members): return members.map { (key: $0.key, value: $0.value) }
        case .table(let table):
            guard kind(of: table) == .object else { return nil }
            var members: [(key: String, value: LuaSearchValue)] = []
            try view.forEachEntry(of: table) { key, element in
                let name = try self.name(of: key, in: table)
                members.append((name, try self.value(element, in: table, at: .member(name))))
            }
            // Sorted by name as `LuaValue.toJSON` orders them, so results do not depend on
            // the order of the table's slots; of two keys with one name, the last is kept.
            let sorted = members.enumerated().sorted { a, b in
                a.element.key != b.element.key ? a.element.key < b.element.key : a.offset < b.offset
            }.map(\.element)
            var unique: [(key: String, value: LuaSearchValue)] = []
            unique.reserveCapacity(sorted.count)
            for member in sorted {
                if unique.last?.key == member.key { unique.removeLast() }
                unique.append(member)
            }
            return unique
        default: return nil
        }
    }

    func count(of value: LuaSearchValue) throws -> Int {
        switch value {
        case .array(let elements): return elements.count
        case .object(let members): return members.count
        case .table(let table):
            return kind(of: table) == .array ? view.length(of: table) : try members(of: value)?.count ?? 0
        default: return 0
        }
    }

    func isNull(_ value: LuaSearchValue) -> Bool {
        if case .null = value { return true }
        return false
    }

    func make(_ json: JSONValue) -> LuaSearchValue {
        switch json {
        case .null: return .null
        case .bool(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .double(let d): return .number(d)
        case .string(let s): return .text(s)
        case .binary(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
        case .array(let elements): return .array(elements.map(make))
        case .object(let members): return .object(members.mapValues(make))
        }
    }

    func makeArray(_ elements: [LuaSearchValue]) -> LuaSearchValue { .array(elements) }

    func makeObject(_ members: OrderedDictionary<String, LuaSearchValue>) -> LuaSearchValue { .object(members) }

    func json(of value: LuaSearchValue) throws -> JSONValue {
        var open: Set<UnsafeRawPointer> = []
        return try json(of: value, open: &open)
    }

    private func json(of value: LuaSearchValue, open: inout Set<UnsafeRawPointer>) throws -> JSONValue {
        switch value {
        case .array(let elements): return .array(try elements.map { try json(of: $0, open: &open) })
        case .object(let members): return .object(try members.mapValues { try json(of: $0, open: &open) })
        case .text(let s): return .string(s)
        case .table(let table):
            return try data(.table(table), at: inputPath(of: table), open: &open)
        case .null: return .null
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .double(d)
        case .string(let s): return s.text.map(JSONValue.string) ?? .binary(s.array)
        }
    }

    // MARK: Reading

    /// A datum read from the data as a value; `parent` and `step` say where it was found.
    private func value(_ datum: LuaDatum, in parent: LuaTableHandle?, at step: Step) throws -> LuaSearchValue {
        switch datum {
        case .nil: return .null
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .table(let table):
            record(TableInfo(parent: parent, step: step), for: table)
            return .table(table)
        case .userdata(let identity) where identity == nullIdentity: return .null
        case .userdata: throw notData("userdata", in: parent, at: step)
        case .other(let typeName): throw notData(typeName, in: parent, at: step)
        }
    }

    private func record(_ info: TableInfo, for table: LuaTableHandle) {
        let index = table.number - 1
        while tables.count < index { tables.append(TableInfo(parent: nil, step: .root)) }
        if index < tables.count { tables[index] = info } else { tables.append(info) }
    }

    private func info(of table: LuaTableHandle) -> TableInfo? {
        table.number - 1 < tables.count ? tables[table.number - 1] : nil
    }

    /// An array or an object, found once per table.
    private func kind(of table: LuaTableHandle) -> JMESPathContent {
        if let kind = info(of: table)?.kind { return kind }
        let kind: JMESPathContent
        if view.isSequence(table) {
            let isArray = view.length(of: table) > 0 || view.metatableName(of: table) == jsonArrayMetatable
            kind = isArray ? .array : .object
        } else {
            kind = .object
        }
        var known = info(of: table) ?? TableInfo(parent: nil, step: .root)
        known.kind = kind
        record(known, for: table)
        return kind
    }

    /// The member of an object read by a number key whose text is `name` (`"1"` for `[1]`).
    private func numericKey(_ name: String, of table: LuaTableHandle) -> LuaDatum? {
        guard let first = name.utf8.first,
            first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39)
                || first == UInt8(ascii: "i") || first == UInt8(ascii: "n")
        else { return nil }
        let datum: LuaDatum
        if let i = Int64(name), String(i) == name {
            datum = view.element(i, of: table)
        } else if let d = Double(name), String(d) == name {
            datum = view.value(forNumber: d, of: table)
        } else {
            return nil
        }
        if case .nil = datum { return nil }
        return kind(of: table) == .object ? datum : nil
    }

    /// The member name of a key, as `LuaValue.toJSON` names it.
    private func name(of key: LuaDatum, in table: LuaTableHandle) throws -> String {
        try Self.name(of: key, at: inputPath(of: table))
    }

    // MARK: Errors

    private func notData(_ typeName: String, in parent: LuaTableHandle?, at step: Step) -> AWSError {
        Self.notData(typeName, at: InputPath.written(Self.extend(parent.map(path(of:)) ?? "", step)))
    }

    /// Where a table lies, for the errors of reading it whole.
    func inputPath(of table: LuaTableHandle) -> InputPath { InputPath.written(path(of: table)) }

    /// The path of a table from the data, as `LuaValue.toJSON` writes it (`a.b[2].c`).
    private func path(of table: LuaTableHandle) -> String {
        var steps: [Step] = []
        var current: LuaTableHandle? = table
        while let handle = current, let info = info(of: handle) {
            steps.append(info.step)
            current = info.parent
        }
        return steps.reversed().reduce("", Self.extend)
    }

    private static func extend(_ path: String, _ step: Step) -> String {
        switch step {
        case .root: return path
        case .member(let name): return path.isEmpty ? name : path + "." + name
        case .element(let i): return path + "[\(i)]"
        }
    }
}
