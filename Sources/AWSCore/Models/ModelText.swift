import OrderedCollections

/// The bytes of a model's JSON text, shared by the definitions indexed into it.
final class ModelText {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The JSON value in `range`.
    func decode(_ range: Range<Int>) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(UnsafeBufferPointer(rebasing: buffer[range]))
            return try parser.parseDocument()
        }
    }

    /// The members of the object in `range` (the whole text when nil), without decoding them.
    func members(in range: Range<Int>? = nil) -> OrderedDictionary<String, Range<Int>>? {
        bytes.withUnsafeBufferPointer { JSONMemberIndex.members(of: $0, in: range ?? 0..<$0.count) }
    }
}
