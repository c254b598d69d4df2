import Synchronization

/// A structure's members found by their wire names given as bytes, without making a string
/// of each key read: what the shape-directed readers use for every member of an answer.
struct ShapeWireIndex: @unchecked Sendable {
    /// One member: its name in the model, its shape and whether it travels outside the body.
    struct Entry {
        let position: Int
        let name: String
        unowned(unsafe) let shape: Shape
        let isLocated: Bool
    }

    /// The members in model order.
    let entries: [Entry]
    /// Whether two members have one wire name (no model of ours has; a model file may).
    let sharesWireNames: Bool
    /// The wire names' UTF-8 bytes, one after the other, and where each starts and ends.
    private let arena: [UInt8]
    private let bounds: [(start: Int, end: Int)]
    /// Open addressing over `entries`: a position, or -1 for an empty slot.
    private let slots: [Int32]

    init(_ shape: Shape) {
        var arena: [UInt8] = []
        var bounds: [(start: Int, end: Int)] = []
        var entries: [Entry] = []
        for (position, (name, member)) in shape.members.enumerated() {
            entries.append(
                Entry(position: position, name: name, shape: member.shape, isLocated: member.location != nil))
            let start = arena.count
            arena.append(contentsOf: member.wireName.utf8)
            bounds.append((start, arena.count))
        }
        var size = 4
        while size < entries.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var shares = false
        for position in entries.indices {
            let name = arena[bounds[position].start..<bounds[position].end]
            var slot = name.withUnsafeBufferPointer { ShapeWireIndex.hash($0) } & (size - 1)
            // The first of two members with one wire name is kept, as a lookup finds it first.
            while slots[slot] >= 0
                && !arena[bounds[Int(slots[slot])].start..<bounds[Int(slots[slot])].end].elementsEqual(name)
            {
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = Int32(position) } else { shares = true }
        }
        self.entries = entries
        self.sharesWireNames = shares
        self.arena = arena
        self.bounds = bounds
        self.slots = slots
    }

    /// The member whose wire name is `key`, or nil.
    func member(named key: UnsafeBufferPointer<UInt8>) -> Entry? {
        let mask = slots.count - 1
        var slot = ShapeWireIndex.hash(key) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let position = Int(slots[slot])
                if position < 0 { return nil }
                let (start, end) = bounds[position]
                if end - start == key.count {
                    var same = true
                    var offset = 0
                    while offset < key.count {
                        if arena[start + offset] != key[offset] {
                            same = false
                            break
                        }
                        offset += 1
                    }
                    if same { return entries[position] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

extension Shape {
    /// This structure's members by wire name, made the first time a reader needs them.
    var wireNames: ShapeWireIndex {
        wireIndex.withLock { made in
            if let made { return made }
            let built = ShapeWireIndex(self)
            made = built
            return built
        }
    }
}
