/// An attribute of an `XMLElement`. Unprefixed attributes are in no namespace.
public struct XMLAttribute: Hashable, Sendable {
    public var prefix: String?
    public var localName: String
    /// The namespace of a prefixed attribute, from the declarations in scope.
    public var namespaceURI: String?
    public var value: String

    public init(_ name: String, _ value: String, namespaceURI: String? = nil) {
        let (prefix, localName) = XMLName.split(name)
        self.prefix = prefix
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.value = value
    }

    /// The qualified name as written: `prefix:localName` or `localName`.
    public var name: String { prefix.map { "\($0):\(localName)" } ?? localName }
}

/// Splitting qualified names at their first `:` (found among the UTF-8 bytes, not by
/// walking characters).
enum XMLName {
    static func split(_ name: String) -> (prefix: String?, localName: String) {
        let utf8 = name.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, name) }
        return (String(name[..<colon]), String(name[utf8.index(after: colon)...]))
    }
}
