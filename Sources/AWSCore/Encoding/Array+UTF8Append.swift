extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` in one copy.
    mutating func append(utf8Of text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
