extension StringProtocol {
    /// The text with every occurrence of `target` replaced by `replacement`, compared byte for
    /// byte (UTF-8) as Foundation's `replacingOccurrences(of:with:)` compared code units, so a
    /// quote followed by a combining mark is still a quote.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return String(self) }
        var output: [UInt8] = []
        var found = false
        let bytes = Array(utf8)
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count,
                bytes[index..<index + pattern.count].elementsEqual(pattern)
            {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
                found = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return found ? String(decoding: output, as: UTF8.self) : String(self)
    }
}
