extension StringProtocol {
    /// The text without leading and trailing ASCII whitespace (space, tab, CR, LF, vertical
    /// tab, form feed). Works on the UTF-8 bytes: header parsing and signing call it per header.
    func trimmingASCIIWhitespace() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isASCIIWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while end > start {
            let before = bytes.index(before: end)
            guard Self.isASCIIWhitespace(bytes[before]) else { break }
            end = before
        }
        return String(text[start..<end])
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The text without the leading and trailing characters for which `isTrimmed` is true:
    /// `\.isWhitespace` for Unicode whitespace and newlines, `\.isHorizontalWhitespace` for
    /// spaces and tabs only.
    func trimmingCharacters(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension Character {
    /// A space or a tab (Unicode whitespace that is not a newline).
    var isHorizontalWhitespace: Bool {
        isWhitespace && !isNewline
    }
}
