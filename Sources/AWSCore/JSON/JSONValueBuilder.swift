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

    /// What is open, innermost last; each container's contents live in `objects` or `arrays`
    /// (kept apart from this list so that adding to them never copies them).
    private var open: [Bool] = []
    private var objects: [[Member]] = []
    private var arrays: [[JSONValue]] = []
    /// The key given for the next value of each open object.
    private var pendingKeys: [(key: String, order: Int?)] = []
    /// The finished value, once the outermost one has ended.
    public private(set) var result: JSONValue?

    public init() {}

    public mutating func beginObject() {
        open.append(true)
        objects.append([])
        pendingKeys.append(("", nil))
    }

    public mutating func key(_ name: String, modelOrder: Int?) {
        pendingKeys[pendingKeys.count - 1] = (name, modelOrder)
    }

    public mutating func endObject() {
        open.removeLast()
        pendingKeys.removeLast()
        var members = objects.removeLast()
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

    public mutating func beginArray() {
        open.append(false)
        arrays.append([])
    }

    public mutating func endArray() {
        open.removeLast()
        finish(.array(arrays.removeLast()))
    }

    public mutating func null() { finish(.null) }
    public mutating func bool(_ value: Bool) { finish(.bool(value)) }
    public mutating func integer(_ value: Int64) { finish(.integer(value)) }
    public mutating func double(_ value: Double) { finish(.double(value)) }
    public mutating func string(_ text: String) { finish(.string(text)) }
    public mutating func binary(_ bytes: [UInt8]) { finish(.binary(bytes)) }

    public mutating func absent() {
        let pending = pendingKeys[pendingKeys.count - 1]
        objects[objects.count - 1].append(Member(order: pending.order, key: pending.key, value: nil))
    }

    /// Stores a finished value in the container being built, or as the result.
    private mutating func finish(_ value: JSONValue) {
        guard let isObject = open.last else {
            result = value
            return
        }
        if isObject {
            let pending = pendingKeys[pendingKeys.count - 1]
            objects[objects.count - 1].append(Member(order: pending.order, key: pending.key, value: value))
        } else {
            arrays[arrays.count - 1].append(value)
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
