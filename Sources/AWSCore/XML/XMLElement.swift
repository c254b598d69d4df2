/// One element of an XML document: its name (split into prefix and local name), the
/// namespace URI it belongs to, its attributes, child elements and text.
///
/// `text` is the element's own character data (text and CDATA sections directly inside it,
/// concatenated, entities decoded); text inside child elements belongs to the children.
/// Namespace declarations (`xmlns`, `xmlns:p`) stay in `attributes`, as written.
public struct XMLElement: Hashable, Sendable {
    /// The prefix before `:` in the tag name, nil when there is none.
    public var prefix: String?
    /// The name after the prefix: what AWS protocols match members against.
    public var localName: String
    /// The namespace the element is in, from the `xmlns` declarations in scope.
    public var namespaceURI: String?
    public var attributes: [XMLAttribute]
    public var children: [XMLElement]
    public var text: String

    public init(
        _ name: String, namespaceURI: String? = nil, attributes: [XMLAttribute] = [],
        children: [XMLElement] = [], text: String = ""
    ) {
        let (prefix, localName) = XMLName.split(name)
        self.prefix = prefix
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Parses a whole document (UTF-8 bytes) and returns its root element. Errors are
    /// `AWSError`s with code `XMLParseError` naming what was wrong and where.
    public init(parsing bytes: [UInt8]) throws {
        var reader = XMLReader(bytes)
        self = try reader.readDocument()
    }

    /// Parses a whole document from a string.
    public init(parsing text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// The qualified name as written: `prefix:localName` or `localName`.
    public var name: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The first child element whose local name is `localName`.
    public func child(_ localName: String) -> XMLElement? {
        children.first { $0.localName == localName }
    }

    /// Every child element whose local name is `localName`, in document order.
    public func children(named localName: String) -> [XMLElement] {
        children.filter { $0.localName == localName }
    }

    /// The text of the first child called `localName`: `<Code>X</Code>` gives `X`.
    public func childText(_ localName: String) -> String? {
        child(localName)?.text
    }

    /// The value of the attribute with qualified name `name` (`id`, `xsi:type`).
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The value of the attribute with `localName` in namespace `namespaceURI`.
    public func attribute(_ localName: String, namespaceURI: String) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }?.value
    }
}
