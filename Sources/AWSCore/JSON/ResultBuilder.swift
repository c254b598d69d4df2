import OrderedCollections

/// Receives an operation's output as it is read, one event at a time, and builds whatever its
/// reader needs: a `JSONValue` (`JSONValueBuilder`) or, in the Lua bindings, Lua tables made
/// straight on the stack. Readers walk the wire bytes once and call it, so no intermediate
/// tree is made.
///
/// Events nest as JSON does: `beginObject`, then for each member a `key` and one value (a
/// scalar, or a whole nested container), then `endObject`; arrays the same without keys.
/// Output members are already converted to their shape's types (see `JSONProtocol.outputValue`);
/// `null` is sent only where a value is kept as it came (documents, values of the wrong
/// type), and `absent` after a key means the member has no value (a later duplicate that is
/// null, or a member removed), so a value given for it earlier is dropped.
public protocol ResultBuilder {
    mutating func beginObject() throws
    /// The next member's name; `modelOrder` is its position among its structure's members,
    /// nil for map keys and document keys, which keep the order they came in.
    mutating func key(_ name: String, modelOrder: Int?) throws
    /// A map or document key given as UTF-8 bytes already checked.
    mutating func key(utf8: UnsafeBufferPointer<UInt8>) throws
    mutating func endObject() throws
    mutating func beginArray() throws
    mutating func endArray() throws
    mutating func null() throws
    mutating func absent() throws
    mutating func bool(_ value: Bool) throws
    mutating func integer(_ value: Int64) throws
    mutating func double(_ value: Double) throws
    mutating func string(_ text: String) throws
    /// A string given as UTF-8 bytes already checked.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) throws
    mutating func binary(_ bytes: [UInt8]) throws
}

extension ResultBuilder {
    public mutating func key(utf8: UnsafeBufferPointer<UInt8>) throws {
        try key(String(decoding: utf8, as: UTF8.self), modelOrder: nil)
    }

    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) throws {
        try string(String(decoding: utf8, as: UTF8.self))
    }

    /// Feeds a whole value already held as a `JSONValue`; object members keep their order
    /// (`modelOrder` is their position, so a builder that sorts keeps them as they are).
    public mutating func value(_ value: JSONValue) throws {
        switch value {
        case .null: try null()
        case .bool(let b): try bool(b)
        case .integer(let i): try integer(i)
        case .double(let d): try double(d)
        case .string(let s): try string(s)
        case .binary(let b): try binary(b)
        case .array(let elements):
            try beginArray()
            for element in elements { try self.value(element) }
            try endArray()
        case .object(let members):
            try beginObject()
            try self.members(members)
            try endObject()
        }
    }

    /// Feeds the members of an object already held (inside an object begun by the caller).
    public mutating func members(_ members: OrderedDictionary<String, JSONValue>) throws {
        for (offset, member) in members.elements.enumerated() {
            try key(member.key, modelOrder: offset)
            try value(member.value)
        }
    }
}
