/// Reads an XML document from UTF-8 bytes into an `XMLElement` tree, without recursion.
///
/// It reads what AWS services send: the XML declaration, comments, processing instructions
/// (skipped), CDATA, character and the five predefined entity references, namespaces and
/// self-closing tags. A DOCTYPE is skipped, and rejected when it declares entities: no entity
/// is ever expanded from a DTD, so nothing can make the reader fetch files or grow without
/// bound. Nesting deeper than `maximumDepth` is an error.
struct XMLReader {
    /// The deepest nesting of elements accepted.
    static let maximumDepth = 512

    let bytes: [UInt8]
    var index = 0

    /// An element that has been opened and not yet closed.
    private struct OpenElement {
        var element: XMLElement
        var qualifiedName: String
        var text: [UInt8] = []
        var start: Int
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readDocument() throws -> XMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try skipMisc(before: true)
        guard index < bytes.count else { throw failure("the document has no root element", at: index) }
        guard peek(UInt8(ascii: "<")) else { throw failure("expected the root element, found text", at: index) }
        let root = try readElementTree()
        try skipMisc(before: false)
        guard index == bytes.count else { throw failure("unexpected content after the root element", at: index) }
        return root
    }

    /// Skips whitespace, comments and processing instructions around the root element, and
    /// the DOCTYPE before it.
    mutating func skipMisc(before: Bool) throws {
        while true {
            skipWhitespace()
            if peek("<?") {
                try skipProcessingInstruction()
            } else if peek("<!--") {
                try skipComment()
            } else if before && peek("<!DOCTYPE") {
                try skipDoctype()
            } else {
                return
            }
        }
    }

    private mutating func readElementTree() throws -> XMLElement {
        var scope = XMLNamespaceScope()
        var open: [OpenElement] = []

        func close(_ finished: OpenElement, into open: inout [OpenElement]) throws -> XMLElement? {
            var element = finished.element
            guard let text = XMLReader.utf8String(finished.text) else {
                throw failure("the text of <\(finished.qualifiedName)> is not valid UTF-8", at: finished.start)
            }
            element.text = text
            guard !open.isEmpty else { return element }
            open[open.count - 1].element.children.append(element)
            return nil
        }

        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else {
                if index >= bytes.count {
                    let name = open.last?.qualifiedName ?? ""
                    throw failure("the document ends inside <\(name)>", at: index)
                }
                try readText(into: &open[open.count - 1].text)
                continue
            }
            if peek("</") {
                let start = index
                index += 2
                let nameStart = index
                try skipName()
                let name = bytes[nameStart..<index]
                skipWhitespace()
                try expect(">", "'>' to end the closing tag </\(String(decoding: name, as: UTF8.self))")
                guard let top = open.popLast() else {
                    throw failure("unexpected closing tag </\(String(decoding: name, as: UTF8.self))>", at: start)
                }
                guard sameName(openedAt: top.start + 1, count: top.qualifiedName.utf8.count, as: name) else {
                    throw failure(
                        "closing tag </\(String(decoding: name, as: UTF8.self))> does not match <\(top.qualifiedName)>",
                        at: start)
                }
                scope.pop()
                if let root = try close(top, into: &open) { return root }
            } else if peek("<!--") {
                try skipComment()
            } else if peek("<![CDATA[") {
                guard !open.isEmpty else { throw failure("expected the root element, found CDATA", at: index) }
                let cdata = try readCDATA()
                open[open.count - 1].text.append(contentsOf: cdata)
            } else if peek("<?") {
                try skipProcessingInstruction()
            } else if peek("<!") {
                throw failure("unexpected markup declaration inside an element", at: index)
            } else {
                let start = index
                guard open.count < XMLReader.maximumDepth else {
                    throw failure("elements are nested deeper than \(XMLReader.maximumDepth) levels", at: start)
                }
                let tag = try readStartTag(scope: &scope)
                let opened = OpenElement(element: tag.element, qualifiedName: tag.qualifiedName, start: start)
                if tag.selfClosing {
                    scope.pop()
                    if let root = try close(opened, into: &open) { return root }
                } else {
                    open.append(opened)
                }
            }
        }
    }

    /// Whether the `count` bytes of a start tag's name at `start` are `name`'s.
    func sameName(openedAt start: Int, count: Int, as name: ArraySlice<UInt8>) -> Bool {
        guard name.count == count else { return false }
        var offset = 0
        while offset < count {
            guard bytes[start + offset] == name[name.startIndex + offset] else { return false }
            offset += 1
        }
        return true
    }

    /// Character data up to the next `<`, entities decoded and line ends normalised to `\n`.
    mutating func readText(into text: inout [UInt8]) throws {
        while index < bytes.count {
            let runStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&"),
                bytes[index] != UInt8(ascii: "\r")
            {
                index += 1
            }
            if index > runStart { text.append(contentsOf: bytes[runStart..<index]) }
            guard index < bytes.count else { return }
            switch bytes[index] {
            case UInt8(ascii: "&"):
                try readReference(into: &text)
            case UInt8(ascii: "\r"):
                text.append(UInt8(ascii: "\n"))
                index += 1
                if peek(UInt8(ascii: "\n")) { index += 1 }
            default:
                return
            }
        }
    }

    /// An `AWSError` with code `XMLParseError` saying `what` went wrong at byte `offset`.
    func failure(_ what: String, at offset: Int) -> AWSError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return AWSError(
            code: "XMLParseError", message: "\(what) at line \(line), column \(column) (byte \(offset))",
            fields: [
                "line": .integer(Int64(line)), "column": .integer(Int64(column)), "offset": .integer(Int64(offset)),
            ])
    }
}
