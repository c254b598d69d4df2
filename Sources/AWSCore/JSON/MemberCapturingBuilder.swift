/// A `ResultBuilder` that hands every event on to `inner` and keeps a `JSONValue` copy of
/// the top-level members named in `names` only (a page's tokens, small next to the page):
/// what a paginator reads its tokens from while the page itself is built elsewhere.
///
/// Like `AWSClient.call(_:_:into:)`, it takes the members of an object the caller has begun.
public struct MemberCapturingBuilder<Inner: ResultBuilder>: ResultBuilder {
    public var inner: Inner
    private let names: Set<String>
    private var members = JSONValueBuilder()
    /// Containers open inside the top-level object.
    private var depth = 0
    /// Whether the value being read belongs to a member in `names`.
    private var capturing = false

    public init(_ inner: Inner, capturing names: Set<String>) {
        self.inner = inner
        self.names = names
        members.beginObject()
    }

    /// The members captured, as one object; call it once, after the last member.
    public mutating func captured() -> JSONValue {
        members.endObject()
        return members.result ?? .object([:])
    }

    public mutating func beginObject() throws {
        try inner.beginObject()
        if capturing { members.beginObject() }
        depth += 1
    }

    public mutating func key(_ name: String, modelOrder: Int?) throws {
        try inner.key(name, modelOrder: modelOrder)
        if depth == 0 {
            capturing = names.contains(name)
            if capturing { members.key(name, modelOrder: nil) }
        } else if capturing {
            members.key(name, modelOrder: modelOrder)
        }
    }

    public mutating func key(utf8: UnsafeBufferPointer<UInt8>) throws {
        try inner.key(utf8: utf8)
        if depth == 0 {
            let name = String(decoding: utf8, as: UTF8.self)
            capturing = names.contains(name)
            if capturing { members.key(name, modelOrder: nil) }
        } else if capturing {
            try members.key(utf8: utf8)
        }
    }

    public mutating func endObject() throws {
        try inner.endObject()
        depth -= 1
        if capturing {
            members.endObject()
            if depth == 0 { capturing = false }
        }
    }

    public mutating func beginArray() throws {
        try inner.beginArray()
        if capturing { members.beginArray() }
        depth += 1
    }

    public mutating func endArray() throws {
        try inner.endArray()
        depth -= 1
        if capturing {
            members.endArray()
            if depth == 0 { capturing = false }
        }
    }

    public mutating func null() throws {
        try inner.null()
        if capturing { members.null() }
        valueEnded()
    }

    public mutating func absent() throws {
        try inner.absent()
        if capturing { members.absent() }
        valueEnded()
    }

    public mutating func bool(_ value: Bool) throws {
        try inner.bool(value)
        if capturing { members.bool(value) }
        valueEnded()
    }

    public mutating func integer(_ value: Int64) throws {
        try inner.integer(value)
        if capturing { members.integer(value) }
        valueEnded()
    }

    public mutating func double(_ value: Double) throws {
        try inner.double(value)
        if capturing { members.double(value) }
        valueEnded()
    }

    public mutating func string(_ text: String) throws {
        try inner.string(text)
        if capturing { members.string(text) }
        valueEnded()
    }

    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) throws {
        try inner.string(utf8: utf8)
        if capturing { try members.string(utf8: utf8) }
        valueEnded()
    }

    public mutating func binary(_ bytes: [UInt8]) throws {
        try inner.binary(bytes)
        if capturing { members.binary(bytes) }
        valueEnded()
    }

    /// A scalar ended: a top-level member's value is then complete.
    private mutating func valueEnded() {
        if depth == 0 { capturing = false }
    }
}
