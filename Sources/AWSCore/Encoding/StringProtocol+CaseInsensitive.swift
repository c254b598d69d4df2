extension StringProtocol {
    /// Whether the two texts are equal ignoring case, as `lowercased() == lowercased()` says,
    /// without making either: header names are compared several times in every call.
    /// ASCII text is compared on its bytes; other text falls back to `lowercased()`.
    func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        let compared = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in Self.asciiEqualsIgnoringCase(lhs, rhs) }
        }
        if let compared = compared ?? nil, let equal = compared { return equal }
        return lowercased() == other.lowercased()
    }

    /// The text lower-cased, without a copy when it is ASCII with no capital letter in it.
    func lowercasedFast() -> String {
        if utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
            return String(self)
        }
        return lowercased()
    }

    /// Equality ignoring ASCII case; nil when either side holds a byte outside ASCII.
    private static func asciiEqualsIgnoringCase(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>)
        -> Bool?
    {
        guard lhs.count == rhs.count else {
            if lhs.contains(where: { $0 >= 0x80 }) || rhs.contains(where: { $0 >= 0x80 }) { return nil }
            return false
        }
        for index in 0..<lhs.count {
            let a = lhs[index]
            let b = rhs[index]
            if (a | b) >= 0x80 { return nil }
            // Everything before is ASCII, so no later text can make up for this difference.
            if a != b && asciiLower(a) != asciiLower(b) { return false }
        }
        return true
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
