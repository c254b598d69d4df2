extension XMLReader {
    /// A start tag just read: the element (no children or text yet), its name as written,
    /// and whether it closed itself (`<a/>`).
    struct StartTag {
        var element: XMLElement
        var qualifiedName: String
        var selfClosing: Bool
    }

    static let xmlnsURI = "http://www.w3.org/2000/xmlns/"

    /// Reads `<name attr="value" ...>` or `<name .../>` and pushes the namespaces it
    /// declares onto `scope` (the caller pops them when the element closes).
    mutating func readStartTag(scope: inout XMLNamespaceScope) throws -> StartTag {
        let start = index
        index += 1
        let name = try readName()
        var raw: [(name: String, value: String, offset: Int)] = []
        var selfClosing = false
        while true {
            let spaceStart = index
            skipWhitespace()
            if peek("/>") {
                index += 2
                selfClosing = true
                break
            }
            if peek(UInt8(ascii: ">")) {
                index += 1
                break
            }
            guard index < bytes.count else { throw failure("the document ends inside the tag <\(name)", at: index) }
            guard index > spaceStart else { throw failure("expected whitespace, '>' or '/>' in <\(name)", at: index) }
            let offset = index
            let attributeName = try readName()
            skipWhitespace()
            try expect("=", "'=' after attribute \(attributeName)")
            skipWhitespace()
            let value = try readAttributeValue()
            guard !raw.contains(where: { $0.name == attributeName }) else {
                throw failure("attribute \(attributeName) is repeated in <\(name)", at: offset)
            }
            raw.append((attributeName, value, offset))
        }

        var declarations: [String: String] = [:]
        for attribute in raw {
            let (prefix, localName) = XMLName.split(attribute.name)
            if prefix == nil && localName == "xmlns" {
                declarations[""] = attribute.value
            } else if prefix == "xmlns" {
                declarations[localName] = attribute.value
            }
        }
        scope.push(declarations)

        var element = XMLElement(name)
        guard try checkName(element.prefix, element.localName, scope: scope, at: start + 1) else {
            throw failure("undeclared namespace prefix \(element.prefix ?? "") in <\(name)>", at: start)
        }
        element.namespaceURI = scope.uri(for: element.prefix)
        for attribute in raw {
            var parsed = XMLAttribute(attribute.name, attribute.value)
            guard try checkName(parsed.prefix, parsed.localName, scope: scope, at: attribute.offset) else {
                throw failure(
                    "undeclared namespace prefix \(parsed.prefix ?? "") in attribute \(attribute.name)",
                    at: attribute.offset)
            }
            if parsed.prefix == "xmlns" {
                parsed.namespaceURI = XMLReader.xmlnsURI
            } else if parsed.prefix != nil {
                parsed.namespaceURI = scope.uri(for: parsed.prefix)
            }
            element.attributes.append(parsed)
        }
        return StartTag(element: element, qualifiedName: name, selfClosing: selfClosing)
    }

    /// Whether a split name's prefix is declared (or is `xml`/`xmlns`); an empty part is an error.
    private func checkName(_ prefix: String?, _ localName: String, scope: XMLNamespaceScope, at offset: Int) throws
        -> Bool
    {
        guard !localName.isEmpty, prefix?.isEmpty != true, !localName.utf8.contains(UInt8(ascii: ":")) else {
            throw failure("invalid qualified name", at: offset)
        }
        guard let prefix, prefix != "xmlns", prefix != "xml" else { return true }
        return scope.uri(for: prefix) != nil
    }

    /// A name: a letter, `_`, `:` or non-ASCII character, then those, digits, `-` and `.`.
    mutating func readName() throws -> String {
        let start = index
        try skipName()
        guard let name = XMLReader.utf8String(bytes[start..<index]) else {
            throw failure("a name is not valid UTF-8", at: start)
        }
        return name
    }

    /// Moves past a name (as `readName` reads it) without making a string of it.
    mutating func skipName() throws {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isStart =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":") || byte >= 0x80
            let isLater =
                (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isStart || (isLater && index > start) else { break }
            index += 1
        }
        guard index > start else { throw failure("expected a name", at: start) }
    }

    /// A quoted attribute value, entities decoded and literal tabs and line ends read as spaces.
    mutating func readAttributeValue() throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw failure("expected a quoted attribute value", at: index)
        }
        let quote = bytes[index]
        let start = index
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated attribute value", at: start) }
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                guard let text = XMLReader.utf8String(value) else {
                    throw failure("an attribute value is not valid UTF-8", at: start)
                }
                return text
            case UInt8(ascii: "<"):
                throw failure("'<' is not allowed in an attribute value", at: index)
            case UInt8(ascii: "&"):
                try readReference(into: &value)
            case UInt8(ascii: "\r"):
                value.append(0x20)
                index += 1
                if peek(UInt8(ascii: "\n")) { index += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                value.append(0x20)
                index += 1
            default:
                value.append(byte)
                index += 1
            }
        }
    }
}
