/// The root element's name of an XML document, found without reading the document: what a
/// caller needs to tell an `<Error>` from a result before paying for a whole tree.
///
/// Only the common shape is recognised: an optional byte order mark, whitespace, XML
/// declarations, processing instructions and comments, then the root's start tag; and, at the
/// end, the root's end tag (or a self-closing root) followed by whitespace. For anything else
/// (a DOCTYPE, text before the root, a body cut off before its root closes) `init` gives nil
/// and the caller reads the document in full.
struct XMLDocumentOutline {
    /// The root element's name as written, prefix included (`s3:Error`).
    let rootName: String

    /// The name without its namespace prefix.
    var rootLocalName: Substring {
        guard let colon = rootName.lastIndex(of: ":") else { return rootName[...] }
        return rootName[rootName.index(after: colon)...]
    }

    init?(_ bytes: [UInt8]) {
        guard let outline = bytes.withUnsafeBufferPointer({ Self.rootName(in: $0) }) else { return nil }
        rootName = outline
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Where `marker` next starts at or after `from`, or nil.
    private static func find(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let count = marker.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: marker.utf8Start, count: count)
        var position = from
        while position + count <= bytes.count {
            if bytes[position] == pattern[0] && (1..<count).allSatisfy({ bytes[position + $0] == pattern[$0] }) {
                return position
            }
            position += 1
        }
        return nil
    }

    private static func rootName(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
            if bytes[index + 1] == UInt8(ascii: "?") {
                guard let end = find("?>", in: bytes, from: index + 2) else { return nil }
                index = end + 2
            } else if bytes[index + 1] == UInt8(ascii: "!") {
                guard index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"),
                    bytes[index + 3] == UInt8(ascii: "-"),
                    let end = find("-->", in: bytes, from: index + 4)
                else { return nil }
                index = end + 3
            } else {
                break
            }
        }
        let nameStart = index + 1
        var nameEnd = nameStart
        while nameEnd < bytes.count, !isWhitespace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"),
            bytes[nameEnd] != UInt8(ascii: "/")
        {
            nameEnd += 1
        }
        guard nameEnd > nameStart, nameEnd < bytes.count else { return nil }
        let name = bytes[nameStart..<nameEnd]
        guard closes(bytes, name: name, openedAt: index) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// Whether the document ends with the root's end tag, or is the root's self-closing tag.
    private static func closes(
        _ bytes: UnsafeBufferPointer<UInt8>, name: Slice<UnsafeBufferPointer<UInt8>>, openedAt: Int
    )
        -> Bool
    {
        var end = bytes.count
        while end > openedAt, isWhitespace(bytes[end - 1]) { end -= 1 }
        guard end > openedAt + 1, bytes[end - 1] == UInt8(ascii: ">") else { return false }
        var tagEnd = end - 1
        while tagEnd > openedAt, isWhitespace(bytes[tagEnd - 1]) { tagEnd -= 1 }
        let closingStart = tagEnd - name.count - 2
        if closingStart > openedAt, bytes[closingStart] == UInt8(ascii: "<"),
            bytes[closingStart + 1] == UInt8(ascii: "/"),
            bytes[(closingStart + 2)..<tagEnd].elementsEqual(name)
        {
            return true
        }
        guard bytes[end - 2] == UInt8(ascii: "/") else { return false }
        return find(">", in: bytes, from: openedAt) == end - 1
    }
}
