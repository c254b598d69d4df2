import OrderedCollections

/// Where the values JMESPath searches live, and how to read them: `JSONValue` trees
/// (`JSONValueDocument`, for paginators and waiters) or data kept elsewhere and read as the
/// expression visits it (Lua tables, for `aws.search`).
///
/// The interpreter only asks what a value is, reads members and elements, and makes the
/// values of its results (new arrays and objects, scalars). Reading may throw: data that has
/// no JSON form is found when it is visited.
public protocol JMESPathDocument {
    associatedtype Value

    /// JSON's null.
    var null: Value { get }

    /// What `value` is; scalars come with their content.
    func content(of value: Value) throws -> JMESPathContent

    /// Member `name` of an object; nil when it has none or `value` is not an object.
    func member(_ name: String, of value: Value) throws -> Value?

    /// The elements of an array, in order; nil when `value` is not an array.
    func elements(of value: Value) throws -> [Value]?

    /// The members of an object, in a fixed order; nil when `value` is not an object.
    func members(of value: Value) throws -> [(key: String, value: Value)]?

    /// How many elements or members an array or object has (0 for anything else).
    func count(of value: Value) throws -> Int

    /// `json` (a literal of the expression, or a scalar a function made) as a value.
    func make(_ json: JSONValue) -> Value

    /// A new array.
    func makeArray(_ elements: [Value]) -> Value

    /// A new object.
    func makeObject(_ members: OrderedDictionary<String, Value>) -> Value

    /// `value` as a JSON tree, for `to_string`.
    func json(of value: Value) throws -> JSONValue

    /// Whether `value` is null, which a document may know without reading its content.
    func isNull(_ value: Value) throws -> Bool
}

extension JMESPathDocument {
    public func isNull(_ value: Value) throws -> Bool { try content(of: value) == .null }
}

/// What a value is to JMESPath; scalars carry their content. Binary data is a string of its
/// bytes read as UTF-8.
public enum JMESPathContent: Equatable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array
    case object

    /// The JMESPath type name: number, string, boolean, array, object or null.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The number as a Double, nil for anything else.
    @usableFromInline var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The text of a string, nil for anything else.
    @usableFromInline var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// -1, 0 or 1 for two numbers (exact for two integers), nil when either is not a number.
    @usableFromInline static func compareNumbers(_ a: JMESPathContent, _ b: JMESPathContent) -> Int? {
        if case .integer(let x) = a, case .integer(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
        guard let x = a.number, let y = b.number else { return nil }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// -1, 0 or 1 for two numbers or two strings (by code point), nil for anything else.
    @usableFromInline static func compare(_ a: JMESPathContent, _ b: JMESPathContent) -> Int? {
        if let order = compareNumbers(a, b) { return order }
        guard let x = a.string, let y = b.string else { return nil }
        if x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { return -1 }
        return y.unicodeScalars.lexicographicallyPrecedes(x.unicodeScalars) ? 1 : 0
    }
}
