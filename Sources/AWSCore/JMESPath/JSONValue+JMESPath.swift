/// How JMESPath sees a `JSONValue`: types, truth, equality and order.
///
/// `.binary` counts as a string whose text is its bytes read as UTF-8 (invalid sequences
/// become U+FFFD), so `type()` says "string" and it compares equal to that string.
extension JSONValue {
    /// The JMESPath type name: number, string, boolean, array, object or null.
    public var jmesPathType: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .double: return "number"
        case .string, .binary: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The text of a string (or of binary data), otherwise nil.
    var jmesPathString: String? {
        switch self {
        case .string(let s): return s
        case .binary(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: return nil
        }
    }

    /// False for null, false, and empty strings, arrays and objects; true otherwise.
    public var jmesPathTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .integer, .double: return true
        case .string(let s): return !s.isEmpty
        case .binary(let bytes): return !bytes.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// Equality by content, as JMESPath and waiters compare: `1 == 1.0`, objects equal whatever
    /// their key order, strings by code points (no Unicode normalisation).
    public func jmesPathEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
            return JSONValue.compareNumbers(self, other) == 0
        case (.string, .string), (.string, .binary), (.binary, .string), (.binary, .binary):
            guard let x = jmesPathString, let y = other.jmesPathString else { return false }
            return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.jmesPathEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let otherValue = b[key], value.jmesPathEquals(otherValue) else { return false }
            }
            return true
        default: return false
        }
    }

    /// -1, 0 or 1 for two numbers (exact for two integers), nil when either is not a number.
    static func compareNumbers(_ a: JSONValue, _ b: JSONValue) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            guard let x = a.numberValue, let y = b.numberValue else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// -1, 0 or 1 for two numbers or two strings (by code point), nil for anything else.
    static func jmesPathCompare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        if let order = compareNumbers(a, b) { return order }
        guard let x = a.jmesPathString, let y = b.jmesPathString else { return nil }
        if x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { return -1 }
        return y.unicodeScalars.lexicographicallyPrecedes(x.unicodeScalars) ? 1 : 0
    }

    /// The number as a JSON value: an integer when it is integral and fits, else a double.
    static func jmesPathNumber(_ d: Double) -> JSONValue {
        if d.rounded() == d, let i = Int64(exactly: d) { return .integer(i) }
        return .double(d)
    }
}
