import AWSCore
import Host
import OrderedCollections

/// The metatable name that marks a Lua table as a JSON array even when it is empty.
let jsonArrayMetatable = "aws.json.array"

extension LuaValue {
    /// This Lua value as JSON-shaped data. A table with only a sequence part (or marked with
    /// `aws.json.array`) is an array, any other table an object (empty: `{}`); number keys
    /// become strings; `aws.json.null` is null. Functions, userdata, keys of other types and keys that are not UTF-8 text
    /// are errors naming the path; string values that are not UTF-8 stay bytes (`.binary`).
    func toJSON(path: InputPath = .root) throws -> JSONValue {
        try toJSONValue(path: path)
    }

    /// `toJSON` for a value that lies at `path`, already written out (empty: the value itself).
    func toJSON(path: String) throws -> JSONValue {
        try toJSONValue(path: .written(path))
    }

    private func toJSONValue(path: InputPath) throws -> JSONValue {
        switch self {
        case .nil: return .null
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .binary(b)
        case .table(let table):
            if table.fields.isEmpty && (!table.array.isEmpty || table.metatableName == jsonArrayMetatable) {
                return .array(
                    try table.array.enumerated().map { try $0.element.toJSONValue(path: path.index($0.offset + 1)) })
            }
            var members: [(String, JSONValue)] = []
            for (index, element) in table.array.enumerated() {
                members.append((String(index + 1), try element.toJSONValue(path: path.index(index + 1))))
            }
            for (key, element) in table.fields {
                let name: String
                switch key {
                case .string(let s): name = s
                case .bytes(let b):
                    throw AWSError(
                        code: "ValidationError",
                        message: "\(path.text)[\(LuaStringLiteral.quoted(b))]: a table key must be UTF-8 text")
                case .integer(let i): name = String(i)
                case .number(let d): name = String(d)
                default:
                    throw AWSError(
                        code: "ValidationError",
                        message: "\(path.isRoot ? "value" : path.text): a \(key.typeName) key cannot be converted")
                }
                members.append((name, try element.toJSONValue(path: path.member(name))))
            }
            members.sort { $0.0 < $1.0 }
            return .object(OrderedDictionary(members, uniquingKeysWith: { $1 }))
        case .object(let object) where object.object is JSONNull:
            return .null
        case .function, .object, .reference:
            throw AWSError(
                code: "ValidationError",
                message: "\(path.isRoot ? "value" : path.text): a \(typeName) cannot be converted to data")
        }
    }
}

extension JSONValue {
    /// This data as a Lua value: blobs become raw byte strings, an empty array a table marked
    /// as an array (so it encodes back as `[]`). A null is nil at the top, `aws.json.null`
    /// inside an array; a null member of an object is left out (as boto3 leaves absent members
    /// out of results), or kept as `aws.json.null` with `keepingNullMembers` (decoded documents).
    func toLua(keepingNullMembers: Bool = false) -> LuaValue {
        switch self {
        case .null: return .nil
        case .bool(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .binary(let b): return .bytes(b)
        case .array(let elements):
            if elements.isEmpty { return .table(LuaTable(array: [], metatableName: jsonArrayMetatable)) }
            return .table(
                LuaTable(
                    array: elements.map {
                        $0.isNull ? JSONNull.value : $0.toLua(keepingNullMembers: keepingNullMembers)
                    }))
        case .object(let members):
            var fields: [LuaValue: LuaValue] = [:]
            fields.reserveCapacity(members.count)
            for (key, element) in members {
                if element.isNull {
                    if keepingNullMembers { fields[.string(key)] = JSONNull.value }
                    continue
                }
                fields[.string(key)] = element.toLua(keepingNullMembers: keepingNullMembers)
            }
            return .table(LuaTable(array: [], fields: fields))
        }
    }
}

extension JSONValue {
    fileprivate var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
