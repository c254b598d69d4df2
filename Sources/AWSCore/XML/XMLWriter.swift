/// Builds XML documents, for request bodies: elements with namespace declarations and
/// attributes, escaped text, or whole `XMLElement` trees.
///
/// ```swift
/// var xml = XMLWriter()
/// xml.startElement("CreateBucketConfiguration", namespace: XMLNamespace(uri: s3URI))
/// xml.element("LocationConstraint", text: "eu-west-1")
/// xml.endElement()
/// let body = xml.bytes
/// ```
///
/// As botocore writes XML: an element with no content is self-closed (`<Tag />`); text is
/// escaped as `&amp; &lt; &gt;`, quotes left as they are, and attribute values also get
/// `&quot;`. Control characters are escaped too (`\r` as `&#xD;`) so that they survive a
/// reader's line-end normalisation.
public struct XMLWriter {
    /// The document written so far, UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Names of the elements opened and not yet ended, innermost last.
    private var open: [String] = []
    /// The last start tag still lacks its `>`, so the element can end as `/>`.
    private var startTagPending = false

    /// A new document, starting with `<?xml version="1.0" encoding="UTF-8"?>` when `declaration` is set.
    public init(declaration: Bool = false) {
        if declaration { append(#"<?xml version="1.0" encoding="UTF-8"?>"#) }
    }

    /// The document written so far, as text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens element `name` (qualified, `p:Name` allowed), declaring `namespace` on it
    /// (`xmlns="uri"` or `xmlns:p="uri"`) and writing `attributes` in order
    /// (`("xsi:type", "CanonicalUser")`).
    public mutating func startElement(
        _ name: String, namespace: XMLNamespace? = nil, attributes: [(name: String, value: String)] = []
    ) {
        finishStartTag()
        append("<" + name)
        if let namespace {
            writeAttribute(namespace.prefix.map { "xmlns:\($0)" } ?? "xmlns", namespace.uri)
        }
        for attribute in attributes { writeAttribute(attribute.name, attribute.value) }
        open.append(name)
        startTagPending = true
    }

    /// Writes escaped character data into the element that is open.
    public mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        finishStartTag()
        append(XMLWriter.escape(text, inAttribute: false))
    }

    /// Ends the innermost open element; does nothing when none is open.
    public mutating func endElement() {
        guard let name = open.popLast() else { return }
        if startTagPending {
            append(" />")
            startTagPending = false
        } else {
            append("</\(name)>")
        }
    }

    /// Writes `<name>text</name>` in one call.
    public mutating func element(
        _ name: String, text: String, namespace: XMLNamespace? = nil, attributes: [(name: String, value: String)] = []
    ) {
        startElement(name, namespace: namespace, attributes: attributes)
        self.text(text)
        endElement()
    }

    /// Writes a whole tree: each element's attributes (namespace declarations among them),
    /// its text, then its children. Works without recursion, so any depth is fine.
    public mutating func write(_ element: XMLElement) {
        var pending: [(element: XMLElement, nextChild: Int)] = [(element, 0)]
        startElement(element.name, attributes: element.attributes.map { ($0.name, $0.value) })
        text(element.text)
        while let (current, nextChild) = pending.last {
            guard nextChild < current.children.count else {
                endElement()
                pending.removeLast()
                continue
            }
            pending[pending.count - 1].nextChild += 1
            let child = current.children[nextChild]
            startElement(child.name, attributes: child.attributes.map { ($0.name, $0.value) })
            text(child.text)
            pending.append((child, 0))
        }
    }

    /// Escapes `text` for character data, or for a quoted attribute value, where tabs and
    /// line feeds are escaped too (a reader would turn them into spaces).
    public static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where !inAttribute, "\t" where !inAttribute:
                out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private mutating func writeAttribute(_ name: String, _ value: String) {
        append(" \(name)=\"" + XMLWriter.escape(value, inAttribute: true) + "\"")
    }

    private mutating func finishStartTag() {
        guard startTagPending else { return }
        append(">")
        startTagPending = false
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
