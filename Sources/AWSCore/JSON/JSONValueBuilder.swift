import OrderedCollections

/// A `ResultBuilder` that makes a `JSONValue`: what `parseResponse`, paginators, waiters and
/// the tests get. Structure members end in model order whatever order they came in; map and
/// document keys keep theirs. A repeated key keeps its first position and its last value.
public struct JSONValueBuilder: ResultBuilder {
    /// One member of an object being built; `value` nil stands for `absent`.
    private struct Member {
        var order: Int?
        var key: String
        var value: JSONValue?
    }

    private enum Open {
        case object([Member], pendingKey: String?, pendingOrder: Int?)
        case array([JSONValue])
    }

    private var open: [Open] = []
    /// The finished value, once the outermost one has ended.
    public private(set) var result: JSONValue?

    public init() {}

    public mutating func beginObject() { open.append(.object([], pendingKey: nil, pendingOrder: nil)) }

    public mutating func key(_ name: String, modelOrder: Int?) {
        guard case .object(let members, _, _) = open.removeLast() else {
            preconditionFailure("a key outside an object")
        }
        open.append(.object(members, pendingKey: name, pendingOrder: modelOrder))
    }

    public mutating func endObject() {
        guard case .object(var members, _, _) = open.removeLast() else {
            preconditionFailure("endObject outside an object")
        }
        if !isOrdered(members) {
            members = members.enumerated().sorted {
                let a = $0.element.order ?? Int.max
                let b = $1.element.order ?? Int.max
                return a != b ? a < b : $0.offset < $1.offset
            }.map(\.element)
        }
        var object = OrderedDictionary<String, JSONValue>(minimumCapacity: members.count)
        for member in members {
            if let value = member.value { object[member.key] = value } else { object[member.key] = nil }
        }
        finish(.object(object))
    }

    public mutating func beginArray() { open.append(.array([])) }

    public mutating func endArray() {
        guard case .array(let elements) = open.removeLast() else { preconditionFailure("endArray outside an array") }
        finish(.array(elements))
    }

    public mutating func null() { finish(.null) }
    public mutating func bool(_ value: Bool) { finish(.bool(value)) }
    public mutating func integer(_ value: Int64) { finish(.integer(value)) }
    public mutating func double(_ value: Double) { finish(.double(value)) }
    public mutating func string(_ text: String) { finish(.string(text)) }
    public mutating func binary(_ bytes: [UInt8]) { finish(.binary(bytes)) }

    public mutating func absent() {
        guard case .object(var members, let key?, let order) = open.popLast() else {
            preconditionFailure("absent without a key")
        }
        members.append(Member(order: order, key: key, value: nil))
        open.append(.object(members, pendingKey: nil, pendingOrder: nil))
    }

    /// Stores a finished value in the container being built, or as the result.
    private mutating func finish(_ value: JSONValue) {
        guard let top = open.popLast() else {
            result = value
            return
        }
        switch top {
        case .array(var elements):
            elements.append(value)
            open.append(.array(elements))
        case .object(var members, let key?, let order):
            members.append(Member(order: order, key: key, value: value))
            open.append(.object(members, pendingKey: nil, pendingOrder: nil))
        case .object:
            preconditionFailure("a value without its key")
        }
    }

    private func isOrdered(_ members: [Member]) -> Bool {
        var last = Int.min
        for member in members {
            let order = member.order ?? Int.max
            if order < last { return false }
            last = order
        }
        return true
    }
}
