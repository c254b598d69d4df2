import OrderedCollections

/// Reads an XML element into a `JSONValue` shaped by a model shape, as botocore's XML
/// parsers do for the query and rest-xml protocols.
///
/// - Structure members are found by `locationName` (else the member name), matching local
///   names, so namespaces and prefixes do not matter; absent members stay absent. Members
///   bound to HTTP headers, the status code or the URI are left to the caller.
/// - Lists are the children of their element (`<member>`, `<item>` or any name), or, when
///   flattened, the repeated elements themselves; maps are `entry` elements (or repeated
///   elements when flattened) holding `key` and `value` (or their `locationName`s).
/// - Scalars follow the shape: integers, floats, booleans (`true`, anything else false),
///   timestamps as `Timestamp.iso8601` strings (milliseconds kept), blobs base64-decoded into `.binary`.
/// - With `decodesPolicyDocuments`, strings of IAM's `policyDocumentType` shape are
///   URL-decoded and read as JSON (kept as the decoded string when they are not JSON).
///
/// Unreadable scalars are `AWSError`s with code `ResponseParseError` naming the element.
public struct XMLShapeDecoder {
    public var decodesPolicyDocuments: Bool
    private let plans = XMLMemberPlans()

    public init(decodesPolicyDocuments: Bool = false) {
        self.decodesPolicyDocuments = decodesPolicyDocuments
    }

    /// The value of `element` read as an instance of `shape`.
    public func decode(_ element: XMLElement, as shape: Shape) throws -> JSONValue {
        try decode(element, as: shape, flattened: false)
    }

    /// Reads one element (a flattened list or map in it reads as one item or entry);
    /// `flattened`: the member that refers to `shape` is marked flattened.
    private func decode(_ element: XMLElement, as shape: Shape, flattened: Bool) throws -> JSONValue {
        switch shape.kind {
        case .structure:
            return try decodeStructure(element, shape)
        case .list, .map:
            return try decodeCollection(shape.flattened || flattened ? [element] : element.children, shape)
        default:
            return try decodeScalar(element, shape)
        }
    }

    /// A list's items or a map's entries.
    private func decodeCollection(_ elements: [XMLElement], _ shape: Shape) throws -> JSONValue {
        guard shape.kind == .list else { return try decodeMap(elements, shape) }
        guard let member = shape.member else { return .array([]) }
        return .array(try elements.map { try decode($0, as: member.shape, flattened: member.flattened) })
    }

    /// Members are looked up by scanning the children: a structure has few of each, and
    /// comparing short names costs less than hashing them into a table.
    private func decodeStructure(_ element: XMLElement, _ shape: Shape) throws -> JSONValue {
        let children = element.children
        var members: OrderedDictionary<String, JSONValue> = [:]
        let plans = plans.plans(of: shape) { name, member in
            if member.xmlAttribute { return (member.locationName ?? name, false) }
            let kind = member.shape.kind
            return (elementName(of: member), (kind == .list || kind == .map) && isFlattened(member.shape, member))
        }
        for plan in plans {
            let elementName = plan.elementName
            if plan.isAttribute {
                if let value = element.attribute(elementName)
                    ?? element.attributes.first(where: { $0.localName == XMLName.split(elementName).localName })?
                    .value
                {
                    members[plan.name] = .string(value)
                }
            } else if plan.gathers {
                let found = children.filter { $0.localName == elementName }
                guard !found.isEmpty else { continue }
                members[plan.name] = try decodeCollection(found, plan.shape)
            } else if let found = children.first(where: { $0.localName == elementName }) {
                members[plan.name] = try decode(found, as: plan.shape, flattened: plan.flattened)
            }
        }
        return .object(members)
    }

    /// The element a member is written as: a flattened list's elements take the name of
    /// the list member when it has one.
    private func elementName(of member: ShapeMember) -> String {
        if member.shape.kind == .list, isFlattened(member.shape, member), let element = member.shape.member,
            let name = element.locationName ?? element.shape.locationName
        {
            return name
        }
        return member.locationName ?? member.shape.locationName ?? member.name
    }

    private func decodeMap(_ entries: [XMLElement], _ shape: Shape) throws -> JSONValue {
        guard let keyMember = shape.key, let valueMember = shape.value else { return .object([:]) }
        let keyName = keyMember.locationName ?? keyMember.shape.locationName ?? "key"
        let valueName = valueMember.locationName ?? valueMember.shape.locationName ?? "value"
        var map: OrderedDictionary<String, JSONValue> = [:]
        for entry in entries {
            guard let key = entry.child(keyName)?.text else { continue }
            if let value = entry.child(valueName) {
                map[key] = try decode(value, as: valueMember.shape, flattened: valueMember.flattened)
            } else {
                map[key] = .null
            }
        }
        return .object(map)
    }

    private func decodeScalar(_ element: XMLElement, _ shape: Shape) throws -> JSONValue {
        let text = element.text
        var trimmed: String { XMLShapeDecoder.trimmed(text) }
        switch shape.kind {
        case .string:
            if decodesPolicyDocuments && shape.name == "policyDocumentType" {
                return XMLShapeDecoder.policyDocument(text)
            }
            return .string(text)
        case .integer, .long:
            guard let number = Int64(trimmed) else { throw unreadable(element, "an integer") }
            return .integer(number)
        case .float, .double:
            guard let number = Double(trimmed) else { throw unreadable(element, "a number") }
            return .double(number)
        case .boolean:
            return .bool(trimmed == "true")
        case .timestamp:
            guard let timestamp = Timestamp(parsing: trimmed) else { throw unreadable(element, "a timestamp") }
            return .string(timestamp.iso8601)
        case .blob:
            guard let bytes = Base64.decode(trimmed) else { throw unreadable(element, "base64 data") }
            return .binary(bytes)
        case .structure, .list, .map:
            return .null
        }
    }

    /// `text` without the whitespace around it; text that starts and ends with a printable
    /// ASCII character (almost every number and timestamp) is returned as it is.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        return text.trimmingCharacters(where: \.isWhitespace)
    }

    /// An IAM policy document: URL-decoded, then read as JSON when it is JSON.
    static func policyDocument(_ text: String) -> JSONValue {
        let decoded = PercentEncoding.decode(text)
        if let json = try? JSONDecoding.decode(decoded), json.objectValue != nil || json.arrayValue != nil {
            return json
        }
        return .string(decoded)
    }

    private func isFlattened(_ shape: Shape, _ reference: ShapeMember?) -> Bool {
        shape.flattened || reference?.flattened == true
    }

    private func unreadable(_ element: XMLElement, _ expected: String) -> AWSError {
        let excerpt = element.text.count > 40 ? String(element.text.prefix(40)) + "..." : element.text
        return AWSError(
            code: "ResponseParseError", message: "<\(element.name)> should hold \(expected), but holds \"\(excerpt)\"")
    }
}
