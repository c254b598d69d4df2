extension RESTXMLProtocol {
    /// `value` written as the XML document of a request body, its root element called `rootName`,
    /// as botocore's `RestXMLSerializer` writes it:
    ///
    /// - Structures: members in the model's order (whatever the input's), each as an element named by its `locationName`
    ///   (else its name); members marked `xmlAttribute` become attributes of the structure's
    ///   element instead (`xsi:type` on S3's `Grantee`).
    /// - An `xmlNamespace` of the reference (or else of the shape) is declared on the element:
    ///   `xmlns="uri"`, or `xmlns:prefix="uri"`, before the attributes.
    /// - Lists: a wrapper element holding one element per item, named by the list member's
    ///   `locationName` (else `member`); flattened lists repeat the member's own element instead.
    /// - Maps: `<entry><key/><value/></entry>` in a wrapper element, or repeated elements holding
    ///   `key` and `value` when flattened (names from the key and value `locationName`s).
    /// - Scalars as `RESTValueText` writes them: booleans `true`/`false`, blobs base64, timestamps
    ///   ISO 8601 unless the member or shape says otherwise.
    ///
    /// Nulls are left out. No XML declaration is written, as botocore writes none.
    /// Errors name the bad value by its path from `path` (the payload member's name).
    static func xmlBody(
        _ value: JSONValue, rootName: String, shape: Shape, reference: ShapeMember?, path: String,
        rootNamespace: XMLNamespace? = nil
    ) throws -> [UInt8] {
        var writer = XMLWriter()
        try write(
            value, name: rootName, shape: shape, reference: reference, path: path, into: &writer,
            namespace: rootNamespace)
        return writer.bytes
    }

    private static func write(
        _ value: JSONValue, name: String, shape: Shape, reference: ShapeMember?, path: String,
        into writer: inout XMLWriter, namespace declared: XMLNamespace? = nil
    ) throws {
        let namespace = declared ?? reference?.xmlNamespace ?? shape.xmlNamespace
        switch shape.kind {
        case .structure:
            guard let members = value.objectValue else {
                throw AWSError.invalidInputValue(path, "expected a table, got \(RESTValueText.kindName(value))")
            }
            var attributes: [(name: String, value: String)] = []
            for (memberName, member) in shape.members where member.xmlAttribute {
                guard let item = members[memberName], item != .null else { continue }
                let text = try RESTValueText.text(
                    item, shape: member.shape, member: member, timestampDefault: .iso8601,
                    path: join(path, memberName))
                attributes.append((member.locationName ?? memberName, text))
            }
            writer.startElement(name, namespace: namespace, attributes: attributes)
            for (memberName, member) in shape.members where !member.xmlAttribute {
                guard let item = members[memberName], item != .null else { continue }
                try write(
                    item, name: member.locationName ?? member.shape.locationName ?? memberName, shape: member.shape,
                    reference: member, path: join(path, memberName), into: &writer)
            }
            writer.endElement()
        case .list:
            guard let items = value.arrayValue, let element = shape.member else {
                throw AWSError.invalidInputValue(path, "expected a list, got \(RESTValueText.kindName(value))")
            }
            let flattened = shape.flattened || reference?.flattened == true
            let itemName = flattened ? name : element.locationName ?? element.shape.locationName ?? "member"
            if !flattened { writer.startElement(name, namespace: namespace) }
            for (index, item) in items.enumerated() where item != .null {
                try write(
                    item, name: itemName, shape: element.shape, reference: element, path: "\(path)[\(index + 1)]",
                    into: &writer)
            }
            if !flattened { writer.endElement() }
        case .map:
            guard let entries = value.objectValue, let key = shape.key, let valueMember = shape.value else {
                throw AWSError.invalidInputValue(path, "expected a table, got \(RESTValueText.kindName(value))")
            }
            let flattened = shape.flattened || reference?.flattened == true
            let keyName = key.locationName ?? key.shape.locationName ?? "key"
            let valueName = valueMember.locationName ?? valueMember.shape.locationName ?? "value"
            if !flattened { writer.startElement(name, namespace: namespace) }
            for (entryKey, item) in entries where item != .null {
                writer.startElement(flattened ? name : "entry")
                writer.element(keyName, text: entryKey)
                try write(
                    item, name: valueName, shape: valueMember.shape, reference: valueMember,
                    path: join(path, entryKey), into: &writer)
                writer.endElement()
            }
            if !flattened { writer.endElement() }
        default:
            let text = try RESTValueText.text(
                value, shape: shape, member: reference, timestampDefault: .iso8601, path: path)
            writer.element(name, text: text, namespace: namespace)
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
