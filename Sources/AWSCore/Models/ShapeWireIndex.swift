import Synchronization

/// A structure's members found by their wire names given as bytes, without making a string
/// of each key read: what the shape-directed readers use for every member of an answer.
struct ShapeWireIndex: Sendable {
    /// The members' wire names as UTF-8, in model order.
    private let names: [[UInt8]]
    /// Open addressing over `names`: a position in `names`, or -1 for an empty slot.
    private let slots: [Int32]

    init(_ shape: Shape) {
        names = shape.members.values.map { Array($0.wireName.utf8) }
        var size = 4
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (position, name) in names.enumerated() {
            var slot = name.withUnsafeBufferPointer { ShapeWireIndex.hash($0) } & (size - 1)
            // The first of two members with one wire name is kept, as a lookup finds it first.
            while slots[slot] >= 0 && names[Int(slots[slot])] != name { slot = (slot + 1) & (size - 1) }
            if slots[slot] < 0 { slots[slot] = Int32(position) }
        }
        self.slots = slots
    }

    /// The model position of the member whose wire name is `key`, or nil.
    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = ShapeWireIndex.hash(key) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if names[position].count == key.count && names[position].elementsEqual(key) { return position }
            slot = (slot + 1) & mask
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
