extension XMLReader {
    /// Skips `<?target ...?>`, the XML declaration included.
    mutating func skipProcessingInstruction() throws {
        let start = index
        index += 2
        guard skip(past: "?>") else { throw failure("unterminated processing instruction", at: start) }
    }

    /// Skips `<!-- ... -->`.
    mutating func skipComment() throws {
        let start = index
        index += 4
        guard skip(past: "-->") else { throw failure("unterminated comment", at: start) }
    }

    /// The raw bytes of `<![CDATA[ ... ]]>`, which are not decoded.
    mutating func readCDATA() throws -> ArraySlice<UInt8> {
        let start = index
        index += 9
        let contentStart = index
        guard skip(past: "]]>") else { throw failure("unterminated CDATA section", at: start) }
        return bytes[contentStart..<(index - 3)]
    }

    /// Skips `<!DOCTYPE ...>` with any internal subset, refusing entity declarations so
    /// that no entity is ever expanded (no external fetches, no exponential growth).
    mutating func skipDoctype() throws {
        let start = index
        index += 9
        var bracketDepth = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if peek("<!ENTITY") {
                throw failure("documents that declare entities are not accepted", at: index)
            } else if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth -= 1
            } else if byte == UInt8(ascii: ">") && bracketDepth <= 0 {
                index += 1
                return
            }
            index += 1
        }
        throw failure("unterminated DOCTYPE", at: start)
    }

    /// Moves past the next occurrence of `terminator`; false (at the end) when there is none.
    mutating func skip(past terminator: StaticString) -> Bool {
        let first = terminator.utf8Start.pointee
        while index < bytes.count {
            if bytes[index] == first && peek(terminator) {
                index += terminator.utf8CodeUnitCount
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether the bytes at the current position are `text` (a literal, compared byte by byte).
    func peek(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    mutating func skipWhitespace() {
        while index < bytes.count, XMLReader.isWhitespace(bytes[index]) { index += 1 }
    }

    mutating func expect(_ text: StaticString, _ what: @autoclosure () -> String) throws {
        guard peek(text) else { throw failure("expected \(what())", at: index) }
        index += text.utf8CodeUnitCount
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
