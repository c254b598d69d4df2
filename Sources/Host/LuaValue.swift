/// A Lua value copied into Swift, or a Swift value to be pushed to Lua.
///
/// Strings that are valid UTF-8 read as `.string`, any other byte string as `.bytes`; both
/// push as Lua strings, byte for byte. Tables are copied deeply (a cycle is an error);
/// functions, coroutines and foreign userdata are held as `.reference`; Swift objects
/// exposed as userdata read back as `.object`.
public enum LuaValue: Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case bytes([UInt8])
    case table(LuaTable)
    case function(LuaFunction)
    case object(AnyHashableObject)
    case reference(LuaReference)
}

extension LuaValue {
    /// The bytes of a string value, whichever case holds it.
    public var stringBytes: [UInt8]? {
        switch self {
        case .string(let s): return Array(s.utf8)
        case .bytes(let b): return b
        default: return nil
        }
    }

    /// The text of a string value; invalid UTF-8 is repaired with U+FFFD.
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        default: return nil
        }
    }

    /// The table, when this is one.
    public var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// The integer value, also of a float with an exact integer value, as Lua converts.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d):
            guard d.rounded() == d, d >= -9.223_372_036_854_775_808e18, d < 9.223_372_036_854_775_808e18
            else {
                return nil
            }
            return Int64(d)
        default: return nil
        }
    }

    /// The numeric value of an integer or a float.
    public var numberValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The Swift object of an `.object` value, cast to `T`.
    public func object<T: AnyObject>(as type: T.Type) -> T? {
        if case .object(let o) = self { return o.object as? T }
        return nil
    }

    /// Lua's truthiness: everything but nil and false.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): return false
        default: return true
        }
    }

    /// The name of the Lua type this value has in Lua (`type(v)`).
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string, .bytes: return "string"
        case .table: return "table"
        case .function: return "function"
        case .object: return "userdata"
        case .reference(let r): return r.typeName
        }
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .nil }
}

/// A class instance usable as a hashable value: compared by identity.
public struct AnyHashableObject: Hashable {
    public let object: AnyObject
    public init(_ object: AnyObject) { self.object = object }
    public static func == (a: Self, b: Self) -> Bool { a.object === b.object }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(object)) }
}
