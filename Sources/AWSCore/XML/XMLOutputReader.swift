/// Reads a query or rest-xml answer in one pass over its bytes, guided by the output shape,
/// and feeds a `ResultBuilder`: no XML tree is made first (see `XMLOutputReader+Shapes` for
/// the shape rules).
///
/// This part walks the markup. It accepts and refuses the same documents as `XMLReader`
/// (whose markup helpers it uses), with the same `XMLParseError` messages, the same depth
/// limit and the same refusal of entity declarations: elements the shape does not know are
/// read to their end and checked all the same, and the text of every element must be UTF-8.
/// Callers open the root (`openRoot`), read it, then `finishDocument`.
struct XMLOutputReader {
    /// A start tag just read.
    struct Tag {
        /// Where its `<` is.
        let start: Int
        /// The length of its name as written, prefix included.
        let nameCount: Int
        /// Where the local name starts within the name (after `prefix:`).
        let localOffset: Int
        let selfClosing: Bool
        /// Its attributes (namespace declarations included); empty for most tags.
        let attributes: [XMLAttribute]
    }

    /// An element opened and not yet closed.
    private struct Open {
        let start: Int
        let nameCount: Int
        /// Its text goes to `text` (a scalar being read).
        var collects = false
        /// Its text from the first non-ASCII byte on, kept only to check it is UTF-8 when the
        /// element closes (text that is all ASCII cannot be wrong).
        var unchecked: [UInt8]?
    }

    var xml: XMLReader
    /// Strings of IAM's `policyDocumentType` shape are URL-decoded and read as JSON.
    let decodesPolicyDocuments: Bool
    let plans = XMLMemberPlans()
    private var scope = XMLNamespaceScope()
    private var open: [Open] = []
    /// The text of the scalar element read last.
    private(set) var text: [UInt8] = []
    private var scratch: [UInt8] = []

    init(_ bytes: [UInt8], decodesPolicyDocuments: Bool = false) {
        xml = XMLReader(bytes)
        self.decodesPolicyDocuments = decodesPolicyDocuments
    }

    /// Whether the body has only whitespace (an empty answer).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(where: { !XMLReader.isWhitespace($0) })
    }

    // MARK: The document

    /// Runs `read` on the root element of an answer to `operationName`, then reads the
    /// document to its end. A document that is not XML is an `XMLParseError` saying so
    /// ("the ... response is not XML: ..."), even when `read` met a value it could not read
    /// (a `ResponseParseError`) before the markup went wrong.
    static func readAnswer(
        _ bytes: [UInt8], operationName: String, decodesPolicyDocuments: Bool = false,
        _ read: (inout XMLOutputReader, Tag) throws -> Void
    ) throws {
        do {
            var reader = XMLOutputReader(bytes, decodesPolicyDocuments: decodesPolicyDocuments)
            do {
                let root = try reader.openRoot()
                try read(&reader, root)
                try reader.finishDocument()
            } catch let error as AWSError where error.code == "ResponseParseError" {
                var check = XMLOutputReader(bytes)
                try check.checkDocument()
                throw error
            }
        } catch var error as AWSError where error.code == "XMLParseError" {
            error.message = "the \(operationName) response is not XML: " + error.message
            throw error
        }
    }

    /// Reads up to the root element's start tag, and that tag.
    mutating func openRoot() throws -> Tag {
        if xml.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { xml.index = 3 }
        try xml.skipMisc(before: true)
        guard xml.index < xml.bytes.count else { throw xml.failure("the document has no root element", at: xml.index) }
        guard xml.peek(UInt8(ascii: "<")) else {
            throw xml.failure("expected the root element, found text", at: xml.index)
        }
        if xml.peek("</") {
            try closeElement()
        } else if xml.peek("<![CDATA[") {
            throw xml.failure("expected the root element, found CDATA", at: xml.index)
        } else if xml.peek("<!") && !xml.peek("<!--") {
            throw xml.failure("unexpected markup declaration inside an element", at: xml.index)
        }
        return try openTag()
    }

    /// After the root element: only whitespace, comments and processing instructions.
    mutating func finishDocument() throws {
        try xml.skipMisc(before: false)
        guard xml.index == xml.bytes.count else {
            throw xml.failure("unexpected content after the root element", at: xml.index)
        }
    }

    /// Reads a whole document without keeping anything: what an answer whose values could
    /// not be read is checked with, so that a document that is not XML says so first.
    mutating func checkDocument() throws {
        let root = try openRoot()
        try skipElement(root)
        try finishDocument()
    }

    // MARK: Elements

    /// The start tag at the current `<`. Tags without attributes or prefixes (nearly all in
    /// AWS answers) are read without making strings; the others by `XMLReader.readStartTag`.
    mutating func openTag() throws -> Tag {
        let start = xml.index
        guard open.count < XMLReader.maximumDepth else {
            throw xml.failure("elements are nested deeper than \(XMLReader.maximumDepth) levels", at: start)
        }
        xml.index = start + 1
        try xml.skipName()
        let nameCount = xml.index - start - 1
        var plain = true
        for offset in (start + 1)..<xml.index where xml.bytes[offset] >= 0x80 || xml.bytes[offset] == UInt8(ascii: ":")
        {
            plain = false
            break
        }
        var selfClosing = false
        if plain {
            xml.skipWhitespace()
            if xml.peek("/>") {
                xml.index += 2
                selfClosing = true
            } else if xml.peek(UInt8(ascii: ">")) {
                xml.index += 1
            } else {
                plain = false
            }
        }
        var localOffset = 0
        var attributes: [XMLAttribute] = []
        if plain {
            scope.push([:])
        } else {
            xml.index = start
            let tag = try xml.readStartTag(scope: &scope)
            localOffset = tag.element.prefix.map { $0.utf8.count + 1 } ?? 0
            attributes = tag.element.attributes
            selfClosing = tag.selfClosing
        }
        if selfClosing {
            scope.pop()
        } else {
            open.append(Open(start: start, nameCount: nameCount))
        }
        return Tag(
            start: start, nameCount: nameCount, localOffset: localOffset, selfClosing: selfClosing,
            attributes: attributes)
    }

    /// The next child element of the innermost open element, its start tag read; nil at that
    /// element's end tag, which is left for `closeElement`. Text, CDATA, comments and
    /// processing instructions on the way are read (text kept when the element collects it).
    mutating func nextChild() throws -> Tag? {
        while true {
            guard xml.index < xml.bytes.count else {
                throw xml.failure("the document ends inside <\(openName(open[open.count - 1]))>", at: xml.index)
            }
            guard xml.bytes[xml.index] == UInt8(ascii: "<") else {
                try readText()
                continue
            }
            let next = xml.index + 1 < xml.bytes.count ? xml.bytes[xml.index + 1] : 0
            if next != UInt8(ascii: "/") && next != UInt8(ascii: "!") && next != UInt8(ascii: "?") {
                return try openTag()
            }
            if next == UInt8(ascii: "/") { return nil }
            if xml.peek("<!--") {
                try xml.skipComment()
            } else if xml.peek("<![CDATA[") {
                let cdata = try xml.readCDATA()
                if open[open.count - 1].collects {
                    text.append(contentsOf: cdata)
                } else {
                    keepUnchecked(cdata)
                }
            } else if xml.peek("<?") {
                try xml.skipProcessingInstruction()
            } else if xml.peek("<!") {
                throw xml.failure("unexpected markup declaration inside an element", at: xml.index)
            } else {
                return try openTag()
            }
        }
    }

    /// Reads the end tag at the current `</`, which must close the innermost open element.
    mutating func closeElement() throws {
        let start = xml.index
        if let top = open.last, closesAsWritten(top, at: start) {
            xml.index = start + top.nameCount + 3
            open.removeLast()
            return try closed(top)
        }
        xml.index += 2
        let nameStart = xml.index
        try xml.skipName()
        let name = xml.bytes[nameStart..<xml.index]
        xml.skipWhitespace()
        try xml.expect(">", "'>' to end the closing tag </\(String(decoding: name, as: UTF8.self))")
        guard let top = open.popLast() else {
            throw xml.failure("unexpected closing tag </\(String(decoding: name, as: UTF8.self))>", at: start)
        }
        guard xml.sameName(openedAt: top.start + 1, count: top.nameCount, as: name) else {
            throw xml.failure(
                "closing tag </\(String(decoding: name, as: UTF8.self))> does not match <\(openName(top))>", at: start)
        }
        try closed(top)
    }

    /// Whether `</name>` at `start` closes `element` exactly: its name, then `>` at once (what
    /// the full reading below accepts too, since the name was read as a name when it opened).
    private func closesAsWritten(_ element: Open, at start: Int) -> Bool {
        let end = start + element.nameCount + 2
        guard end < xml.bytes.count, xml.bytes[end] == UInt8(ascii: ">") else { return false }
        var offset = 0
        while offset < element.nameCount {
            guard xml.bytes[start + 2 + offset] == xml.bytes[element.start + 1 + offset] else { return false }
            offset += 1
        }
        return true
    }

    /// What closing `top` does once its end tag is read: its namespaces go, its text is checked.
    private mutating func closed(_ top: Open) throws {
        scope.pop()
        let valid = top.collects ? Self.isUTF8(text[...]) : top.unchecked.map { Self.isUTF8($0[...]) } ?? true
        guard valid else { throw xml.failure("the text of <\(openName(top))> is not valid UTF-8", at: top.start) }
    }

    /// Reads an element just opened to its end, keeping nothing.
    mutating func skipElement(_ tag: Tag) throws {
        guard !tag.selfClosing else { return }
        let depth = open.count - 1
        while open.count > depth {
            if try nextChild() == nil { try closeElement() }
        }
    }

    /// Reads an element just opened to its end; its own text (child elements' excluded) is
    /// then in `text`.
    mutating func collectText(_ tag: Tag) throws {
        text.removeAll(keepingCapacity: true)
        guard !tag.selfClosing else { return }
        open[open.count - 1].collects = true
        while let child = try nextChild() { try skipElement(child) }
        try closeElement()
    }

    /// An element's own text as a string (see `collectText`).
    mutating func readString(_ tag: Tag) throws -> String {
        try collectText(tag)
        return String(decoding: text, as: UTF8.self)
    }

    /// Runs `read` with the reader moved back to the start tag at `offset` (read before,
    /// inside the element still open), then returns to where it was.
    mutating func reread(at offset: Int, _ read: (inout XMLOutputReader, Tag) throws -> Void) throws {
        let resume = xml.index
        xml.index = offset
        let tag = try openTag()
        try read(&self, tag)
        xml.index = resume
    }

    // MARK: Names and text

    /// Whether `tag`'s local name is `name`'s bytes.
    func hasLocalName(_ tag: Tag, _ name: [UInt8]) -> Bool {
        let count = tag.nameCount - tag.localOffset
        guard count == name.count else { return false }
        let start = tag.start + 1 + tag.localOffset
        var offset = 0
        while offset < count {
            guard xml.bytes[start + offset] == name[offset] else { return false }
            offset += 1
        }
        return true
    }

    func localName(_ tag: Tag) -> String {
        String(decoding: xml.bytes[(tag.start + 1 + tag.localOffset)..<(tag.start + 1 + tag.nameCount)], as: UTF8.self)
    }

    /// The name as written, prefix included.
    func qualifiedName(_ tag: Tag) -> String {
        String(decoding: xml.bytes[(tag.start + 1)..<(tag.start + 1 + tag.nameCount)], as: UTF8.self)
    }

    private func openName(_ element: Open) -> String {
        String(decoding: xml.bytes[(element.start + 1)..<(element.start + 1 + element.nameCount)], as: UTF8.self)
    }

    /// Character data up to the next `<`, for the innermost open element. A run of ASCII
    /// without references or carriage returns in an element that keeps no text is only
    /// passed over.
    private mutating func readText() throws {
        let top = open.count - 1
        if open[top].collects { return try xml.readText(into: &text) }
        var end = xml.index
        while end < xml.bytes.count {
            let byte = xml.bytes[end]
            if byte == UInt8(ascii: "<") { break }
            if byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\r") {
                end = -1
                break
            }
            end += 1
        }
        if end >= 0 {
            xml.index = end
            return
        }
        scratch.removeAll(keepingCapacity: true)
        try xml.readText(into: &scratch)
        keepUnchecked(scratch[...])
    }

    /// Keeps text of an element that does not collect it, from its first non-ASCII byte on.
    private mutating func keepUnchecked(_ piece: ArraySlice<UInt8>) {
        let top = open.count - 1
        if open[top].unchecked != nil {
            open[top].unchecked!.append(contentsOf: piece)
        } else if let first = piece.firstIndex(where: { $0 >= 0x80 }) {
            open[top].unchecked = Array(piece[first...])
        }
    }

    private static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }
}
