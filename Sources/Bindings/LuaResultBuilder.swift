import AWSCore
import Host

/// A `ResultBuilder` that makes Lua tables straight on the stack, with the rules of
/// `JSONValue.toLua`: blobs become byte strings, an empty array a table marked
/// `aws.json.array`, a null inside an array `aws.json.null`, a null member is left out and a
/// null at the top is nil. What it builds stays on the stack: one value per outermost value.
struct LuaResultBuilder: ResultBuilder {
    let stack: LuaStackBuilder

    /// A container being built. The members of a table with keys wait on the stack as
    /// key-value pairs until it ends, so its table is made at its exact size at once; past
    /// `pairsHeldAtMost` pairs (a map, or keys repeated), the table is made and filled as
    /// the pairs come.
    private enum Open {
        case array(count: Int)
        case pairs(base: Int32, count: Int)
        case table
    }

    private var open: [Open] = []
    private static let pairsHeldAtMost = 64

    init(_ stack: LuaStackBuilder) {
        self.stack = stack
    }

    mutating func beginObject() {
        open.append(.pairs(base: stack.top + 1, count: 0))
    }

    mutating func key(_ name: String, modelOrder: Int?) throws {
        try heldPair()
        try stack.pushKey(name)
    }

    mutating func key(utf8: UnsafeBufferPointer<UInt8>) throws {
        try heldPair()
        try stack.pushKey(utf8)
    }

    /// Counts the pair a key starts; makes the table when too many are held.
    private mutating func heldPair() throws {
        guard case .pairs(let base, let count) = open.last else { return }
        if count < Self.pairsHeldAtMost {
            open[open.count - 1] = .pairs(base: base, count: count + 1)
        } else {
            try stack.collectPairs(from: base)
            open[open.count - 1] = .table
        }
    }

    mutating func endObject() throws {
        if case .pairs(let base, _) = open.removeLast() { try stack.collectPairs(from: base) }
        finish()
    }

    mutating func beginArray() throws {
        try stack.newTable()
        open.append(.array(count: 0))
    }

    mutating func endArray() {
        if case .array(count: 0) = open.removeLast() { stack.setMetatable(named: jsonArrayMetatable) }
        finish()
    }

    mutating func null() {
        if case .array = open.last {
            stack.push(JSONNull.value)
        } else {
            stack.pushNil()
        }
        finish()
    }

    mutating func absent() {
        stack.pushNil()
        finish()
    }

    mutating func bool(_ value: Bool) {
        stack.pushBoolean(value)
        finish()
    }

    mutating func integer(_ value: Int64) {
        stack.pushInteger(value)
        finish()
    }

    mutating func double(_ value: Double) {
        stack.pushNumber(value)
        finish()
    }

    mutating func string(_ text: String) {
        stack.pushString(text)
        finish()
    }

    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        stack.pushString(utf8)
        finish()
    }

    mutating func binary(_ bytes: [UInt8]) {
        stack.pushBytes(bytes)
        finish()
    }

    /// Stores the value just pushed in its container (a pair waits on the stack); an
    /// outermost value stays on the stack.
    private mutating func finish() {
        switch open.last {
        case nil, .pairs: return
        case .array(let count):
            open[open.count - 1] = .array(count: count + 1)
            stack.append(at: count + 1)
        case .table:
            stack.setField()
        }
    }
}

extension LuaResultBuilder {
    /// Pushes one table on the calling thread's stack, filled by `fill` with its members;
    /// returns 1 (the values pushed). When `fill` throws, the stack is left as it was.
    static func pushObject(on call: LuaCall, _ fill: (inout LuaResultBuilder) throws -> Void) throws -> Int32 {
        var builder = LuaResultBuilder(LuaStackBuilder(state: call.state, on: call.thread))
        let base = builder.stack.top
        do {
            builder.beginObject()
            try fill(&builder)
            try builder.endObject()
            return 1
        } catch {
            builder.stack.reset(to: base)
            throw error
        }
    }

    /// Pushes `value` on the calling thread's stack as `JSONValue.toLua` would make it;
    /// returns 1.
    static func push(_ value: JSONValue, on call: LuaCall) throws -> Int32 {
        try LuaStackBuilder(state: call.state, on: call.thread).pushJSON(value)
        return 1
    }
}

extension LuaStackBuilder {
    /// Pushes `value` as `JSONValue.toLua` would make it, without making the `LuaValue`.
    func pushJSON(_ value: JSONValue) throws {
        var builder = LuaResultBuilder(self)
        try builder.value(value)
    }
}
