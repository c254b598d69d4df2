extension StringProtocol {
    /// Whether the two texts are equal ignoring case, as `lowercased() == lowercased()` says,
    /// without making either: header names are compared several times in every call.
    /// ASCII text is compared byte by byte; other text falls back to `lowercased()`.
    func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        var left = lhs.startIndex
        var right = rhs.startIndex
        while left != lhs.endIndex, right != rhs.endIndex {
            let a = lhs[left]
            let b = rhs[right]
            if a >= 0x80 || b >= 0x80 { return lowercased() == other.lowercased() }
            if a != b && Self.asciiLower(a) != Self.asciiLower(b) { return false }
            left = lhs.index(after: left)
            right = rhs.index(after: right)
        }
        if left == lhs.endIndex && right == rhs.endIndex { return true }
        // One ran out: only text outside ASCII could still lower to the same thing.
        let rest = left == lhs.endIndex ? rhs[right...].contains { $0 >= 0x80 } : lhs[left...].contains { $0 >= 0x80 }
        return rest && lowercased() == other.lowercased()
    }

    /// The text lower-cased, without a copy when it is ASCII with no capital letter in it.
    func lowercasedFast() -> String {
        if utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
            return String(self)
        }
        return lowercased()
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
