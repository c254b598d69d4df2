extension String {
    /// The parts one after another, copied once into a string made at its full size: cheaper
    /// than `joined` or repeated `append` for the few texts every signature puts together.
    static func concatenating(_ parts: [String]) -> String {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { out in
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard !bytes.isEmpty, let base = bytes.baseAddress else { return }
                    (out.baseAddress! + offset).update(from: base, count: bytes.count)
                    offset += bytes.count
                }
            }
            return offset
        }
    }
}
