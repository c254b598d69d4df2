/// A Lua table copied into Swift: its sequence part (keys 1...n) and its other fields.
///
/// `metatableName` carries the `__name` of the table's metatable when it has one (set by
/// `luaL_newmetatable`), so marked tables such as JSON arrays survive a round trip.
public struct LuaTable: Hashable {
    public var array: [LuaValue]
    public var fields: [LuaValue: LuaValue]
    public var metatableName: String?

    public init(
        array: [LuaValue] = [], fields: [LuaValue: LuaValue] = [:], metatableName: String? = nil
    ) {
        self.array = array
        self.fields = fields
        self.metatableName = metatableName
    }

    /// A table with string keys only.
    public init(_ fields: [String: LuaValue]) {
        self.array = []
        self.fields = Dictionary(
            uniqueKeysWithValues: fields.map { (LuaValue.string($0.key), $0.value) })
    }

    /// The value at `key`, looking in the sequence part for integer keys.
    public subscript(key: LuaValue) -> LuaValue {
        get {
            if let i = key.integerValue, i >= 1, i <= array.count { return array[Int(i - 1)] }
            return fields[key] ?? .nil
        }
        set {
            if let i = key.integerValue, i >= 1, i <= array.count {
                array[Int(i - 1)] = newValue
            } else if let i = key.integerValue, i == array.count + 1, newValue != .nil {
                array.append(newValue)
                fields[key] = nil
            } else {
                fields[key] = newValue == .nil ? nil : newValue
            }
        }
    }

    /// The value of a string key.
    public subscript(name: String) -> LuaValue {
        get { self[.string(name)] }
        set { self[.string(name)] = newValue }
    }

    /// True when the table has no entries at all.
    public var isEmpty: Bool { array.isEmpty && fields.isEmpty }
}

extension LuaTable: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    public init(arrayLiteral elements: LuaValue...) {
        self.init(array: elements)
    }
}
