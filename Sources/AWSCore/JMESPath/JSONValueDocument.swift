import OrderedCollections

/// `JSONValue` trees as JMESPath reads them: what paginators and waiters search.
public struct JSONValueDocument: JMESPathDocument {
    public init() {}

    public var null: JSONValue { .null }

    public func content(of value: JSONValue) -> JMESPathContent {
        switch value {
        case .null: return .null
        case .bool(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .binary(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        case .array: return .array
        case .object: return .object
        }
    }

    public func member(_ name: String, of value: JSONValue) -> JSONValue? { value[name] }

    public func elements(of value: JSONValue) -> [JSONValue]? { value.arrayValue }

    public func members(of value: JSONValue) -> [(key: String, value: JSONValue)]? {
        value.objectValue.map { $0.map { (key: $0.key, value: $0.value) } }
    }

    public func count(of value: JSONValue) -> Int {
        switch value {
        case .array(let elements): return elements.count
        case .object(let members): return members.count
        default: return 0
        }
    }

    public func make(_ json: JSONValue) -> JSONValue { json }

    public func makeArray(_ elements: [JSONValue]) -> JSONValue { .array(elements) }

    public func makeObject(_ members: OrderedDictionary<String, JSONValue>) -> JSONValue { .object(members) }

    public func json(of value: JSONValue) -> JSONValue { value }
}
