import AWSCore
import Host

/// A `ResultBuilder` that makes Lua tables straight on the stack, with the rules of
/// `JSONValue.toLua`: blobs become byte strings, an empty array a table marked
/// `aws.json.array`, a null inside an array `aws.json.null`, a null member is left out and a
/// null at the top is nil. What it builds stays on the stack: one value per outermost value.
struct LuaResultBuilder: ResultBuilder {
    let stack: LuaStackBuilder
    /// The containers being built: nil for a table with keys, else the elements so far.
    private var open: [Int?] = []

    init(_ stack: LuaStackBuilder) {
        self.stack = stack
    }

    mutating func beginObject() throws {
        try beginObject(sizeHint: 0)
    }

    mutating func beginObject(sizeHint: Int) throws {
        try stack.newTable(fieldHint: sizeHint)
        open.append(nil)
    }

    func key(_ name: String, modelOrder: Int?) throws { try stack.pushKey(name) }
    func key(utf8: UnsafeBufferPointer<UInt8>) throws { try stack.pushKey(utf8) }

    mutating func endObject() {
        open.removeLast()
        finish()
    }

    mutating func beginArray() throws {
        try stack.newTable()
        open.append(0)
    }

    mutating func endArray() {
        if open.removeLast() == 0 { stack.setMetatable(named: jsonArrayMetatable) }
        finish()
    }

    mutating func null() {
        if let last = open.last, last != nil {
            stack.push(JSONNull.value)
        } else {
            stack.pushNil()
        }
        finish()
    }

    func absent() {
        stack.pushNil()
        stack.setField()
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

    /// Stores the value just pushed in its container; an outermost value stays on the stack.
    private mutating func finish() {
        guard let last = open.last else { return }
        if let count = last {
            open[open.count - 1] = count + 1
            stack.append(at: count + 1)
        } else {
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
            try builder.beginObject()
            try fill(&builder)
            builder.endObject()
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
