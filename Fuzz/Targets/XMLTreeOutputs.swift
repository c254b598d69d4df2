import OrderedCollections

/// The XML answers' reading as it was before `XMLOutputReader`: the whole document into an
/// `XMLElement` tree, then that tree read by shape into a `JSONValue`. Kept here only as the
/// fuzz targets' reference: the one-pass reader must give what it gives.
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
struct XMLTreeShapeDecoder {
    var decodesPolicyDocuments: Bool

    init(decodesPolicyDocuments: Bool = false) {
        self.decodesPolicyDocuments = decodesPolicyDocuments
    }

    /// The value of `element` read as an instance of `shape`.
    func decode(_ element: XMLElement, as shape: Shape) throws -> JSONValue {
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
        for (name, member) in shape.members where member.location == nil {
            let kind = member.shape.kind
            let plan = (
                name: name, shape: member.shape, flattened: member.flattened,
                elementName: member.xmlAttribute ? member.locationName ?? name : elementName(of: member),
                gathers: !member.xmlAttribute && (kind == .list || kind == .map) && isFlattened(member.shape, member)
            )
            let elementName = plan.elementName
            if member.xmlAttribute {
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

    private func isFlattened(_ shape: Shape, _ reference: ShapeMember?) -> Bool {
        shape.flattened || reference?.flattened == true
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
        var trimmed: String { XMLOutputReader.trimmed(text) }
        switch shape.kind {
        case .string:
            if decodesPolicyDocuments && shape.name == "policyDocumentType" {
                return XMLOutputReader.policyDocument(text)
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

    private func unreadable(_ element: XMLElement, _ expected: String) -> AWSError {
        let excerpt = element.text.count > 40 ? String(element.text.prefix(40)) + "..." : element.text
        return AWSError(
            code: "ResponseParseError", message: "<\(element.name)> should hold \(expected), but holds \"\(excerpt)\"")
    }
}

/// The two-pass outputs of the XML protocols, as `parseResponse` gave them before
/// `XMLOutputReader`.
enum XMLTreeOutputs {
    static func restXML(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output {
            let located = RESTResponseBindings.members(of: shape, in: response)
            let fromBody = try bodyMembers(response, shape: shape, operation: operation)
            for name in shape.members.keys {
                if let value = located[name] ?? fromBody[name] { output[name] = value }
            }
        }
        JSONProtocol.addResponseMetadata(&output, response)
        if let hostID = response.header("x-amz-id-2"), !hostID.isEmpty,
            var responseMetadata = output["ResponseMetadata"]?.objectValue
        {
            responseMetadata["HostId"] = .string(hostID)
            output["ResponseMetadata"] = .object(responseMetadata)
        }
        return .object(output)
    }

    private static func bodyMembers(
        _ response: HTTPResponse, shape: Shape, operation: OperationModel
    ) throws -> OrderedDictionary<String, JSONValue> {
        if let payloadName = shape.payload, let payload = shape.members[payloadName] {
            switch payload.shape.kind {
            case .blob:
                return [payloadName: .binary(response.body)]
            case .string:
                return [payloadName: .string(String(decoding: response.body, as: UTF8.self))]
            default:
                guard let root = try xmlRoot(of: response, operation: operation) else {
                    return [payloadName: .object([:])]
                }
                return [payloadName: try XMLTreeShapeDecoder().decode(root, as: payload.shape)]
            }
        }
        guard let root = try xmlRoot(of: response, operation: operation) else { return [:] }
        if operation.name == "GetBucketLocation", shape.members["LocationConstraint"] != nil {
            return root.text.isEmpty ? [:] : ["LocationConstraint": .string(root.text)]
        }
        return try XMLTreeShapeDecoder().decode(root, as: shape).objectValue ?? [:]
    }

    private static func xmlRoot(of response: HTTPResponse, operation: OperationModel) throws -> XMLElement? {
        guard !XMLOutputReader.isBlank(response.body) else { return nil }
        return try XMLElement(parsing: response.body)
    }

    static func query(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        guard let root = try xmlRoot(of: response, operation: operation) else {
            return .object(["ResponseMetadata": metadata(of: nil, response)])
        }
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output {
            var start: XMLElement? = root
            if let wrapper = operation.resultWrapper { start = root.child(wrapper) }
            if let start {
                let decoder = XMLTreeShapeDecoder(decodesPolicyDocuments: true)
                output = try decoder.decode(start, as: shape).objectValue ?? [:]
            }
        }
        output["ResponseMetadata"] = metadata(of: root, response)
        return .object(output)
    }

    private static func metadata(of root: XMLElement?, _ response: HTTPResponse) -> JSONValue {
        var metadata: OrderedDictionary<String, JSONValue> = [:]
        for child in root?.child("ResponseMetadata")?.children ?? [] { metadata[child.localName] = .string(child.text) }
        if metadata["RequestId"] == nil, let id = root?.childText("requestId") { metadata["RequestId"] = .string(id) }
        if metadata["RequestId"] == nil,
            let id = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        {
            metadata["RequestId"] = .string(id)
        }
        metadata["HTTPStatusCode"] = .integer(Int64(response.status))
        return .object(metadata)
    }
}
