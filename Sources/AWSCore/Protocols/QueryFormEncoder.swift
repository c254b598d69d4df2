/// Flattens an operation's input into the form fields of the query protocol, named as
/// botocore names them: `A.B` for structures, `Name.member.N` for lists (1-based, the list
/// member's `locationName` replacing `member`), `Name.N` for flattened lists,
/// `Name.entry.N.key`/`.value` for maps, and `Name=` for an empty list.
///
/// The `ec2` variant names members by their `queryName`, else their `locationName` with its
/// first letter capitalised, writes every list as `Name.N` and sends nothing for an empty one.
struct QueryFormEncoder {
    /// Whether fields are named as the `ec2` protocol names them.
    var ec2 = false
    /// The fields in the order they were written; keys and values not yet percent-encoded.
    private(set) var fields: [(key: String, value: String)] = []

    /// Adds the fields of `value`, an instance of `shape`, under `prefix` (empty at the top).
    /// `reference` is the member that led to the shape, whose traits win over the shape's.
    mutating func encode(_ value: JSONValue, as shape: Shape, reference: ShapeMember? = nil, prefix: String = "")
        throws
    {
        if value == .null { return }
        switch shape.kind {
        case .structure:
            try encodeStructure(value, shape, prefix)
        case .list:
            try encodeList(value, shape, reference, prefix)
        case .map:
            try encodeMap(value, shape, reference, prefix)
        default:
            fields.append((prefix, try QueryFormEncoder.scalarText(value, shape, reference, at: prefix)))
        }
    }

    private mutating func encodeStructure(_ value: JSONValue, _ shape: Shape, _ prefix: String) throws {
        guard let members = value.objectValue else { throw mismatch(prefix, "a structure", value) }
        for (name, memberValue) in members {
            guard let member = shape.members[name] else { continue }
            let key = fieldName(member) ?? name
            try encode(
                memberValue, as: member.shape, reference: member, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
        }
    }

    private mutating func encodeList(_ value: JSONValue, _ shape: Shape, _ reference: ShapeMember?, _ prefix: String)
        throws
    {
        guard let elements = value.arrayValue else { throw mismatch(prefix, "a list", value) }
        guard let element = shape.member else { return }
        guard !elements.isEmpty else {
            if !ec2 { fields.append((prefix, "")) }
            return
        }
        let elementName = QueryFormEncoder.serializedName(element)
        let listPrefix: String
        if ec2 {
            listPrefix = prefix
        } else if reference?.flattened == true || shape.flattened {
            if let elementName {
                var parts = prefix.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                parts[parts.count - 1] = elementName
                listPrefix = parts.joined(separator: ".")
            } else {
                listPrefix = prefix
            }
        } else {
            listPrefix = "\(prefix).\(elementName ?? "member")"
        }
        for (offset, item) in elements.enumerated() {
            try encode(item, as: element.shape, reference: element, prefix: "\(listPrefix).\(offset + 1)")
        }
    }

    private mutating func encodeMap(_ value: JSONValue, _ shape: Shape, _ reference: ShapeMember?, _ prefix: String)
        throws
    {
        guard let entries = value.objectValue else { throw mismatch(prefix, "a map", value) }
        guard let keyMember = shape.key, let valueMember = shape.value else { return }
        let entryPrefix = reference?.flattened == true || shape.flattened ? prefix : "\(prefix).entry"
        let keyName = fieldName(keyMember) ?? "key"
        let valueName = fieldName(valueMember) ?? "value"
        for (offset, (key, entryValue)) in entries.enumerated() {
            let number = offset + 1
            fields.append(("\(entryPrefix).\(number).\(keyName)", key))
            try encode(
                entryValue, as: valueMember.shape, reference: valueMember,
                prefix: "\(entryPrefix).\(number).\(valueName)")
        }
    }

    /// The name a member's field takes (see the type's description); nil for its own name.
    private func fieldName(_ member: ShapeMember) -> String? {
        guard ec2 else { return QueryFormEncoder.serializedName(member) }
        if let queryName = member.queryName { return queryName }
        guard let name = QueryFormEncoder.serializedName(member), let first = name.first else { return nil }
        return first.uppercased() + name.dropFirst()
    }

    /// The `locationName` of a member reference, else of the shape it refers to.
    static func serializedName(_ member: ShapeMember) -> String? {
        member.locationName ?? member.shape.locationName
    }

    /// A scalar as botocore writes it into a form field.
    static func scalarText(_ value: JSONValue, _ shape: Shape, _ reference: ShapeMember?, at path: String) throws
        -> String
    {
        switch (shape.kind, value) {
        case (.boolean, .bool(let flag)):
            return flag ? "true" : "false"
        case (.timestamp, _):
            let format =
                (reference?.timestampFormat ?? shape.timestampFormat).flatMap(Timestamp.Format.init) ?? .iso8601
            return try timestamp(value, at: path).formatted(format)
        case (.blob, .binary(let bytes)):
            return Base64.encode(bytes)
        case (.blob, .string(let text)):
            return Base64.encode(Array(text.utf8))
        case (_, .string(let text)):
            return text
        case (_, .integer(let number)):
            return String(number)
        case (_, .double(let number)):
            return pythonFloatText(number)
        case (_, .bool(let flag)):
            return flag ? "true" : "false"
        default:
            throw AWSError(
                code: "ValidationError", message: "\(path): expected a \(shape.kind.rawValue), got \(describe(value))")
        }
    }

    private static func timestamp(_ value: JSONValue, at path: String) throws -> Timestamp {
        switch value {
        case .integer(let seconds): return Timestamp(epochSeconds: Double(seconds))
        case .double(let seconds) where seconds.isFinite: return Timestamp(epochSeconds: seconds)
        case .string(let text):
            if let parsed = Timestamp(parsing: text) { return parsed }
            throw AWSError(
                code: "ValidationError",
                message: "\(path): \(QuotedValue.shortened(text)) is not a timestamp (ISO 8601 or epoch seconds)")
        default:
            throw AWSError(code: "ValidationError", message: "\(path): expected a timestamp, got \(describe(value))")
        }
    }

    /// A float as Python's `str` writes it: `1.0`, `0.5`, `1e+16`, `Infinity`, `NaN`.
    static func pythonFloatText(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        let magnitude = abs(number)
        if number == 0 || (magnitude >= 1e-4 && magnitude < 1e16) {
            if number == number.rounded(), let whole = Int64(exactly: number) { return "\(whole).0" }
            return "\(number)"
        }
        return "\(number)"
    }

    private func mismatch(_ path: String, _ expected: String, _ value: JSONValue) -> AWSError {
        AWSError(
            code: "ValidationError",
            message: "\(path.isEmpty ? "input" : path): expected \(expected), got \(describe(value))")
    }
}

private func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .integer, .double: return "number"
    case .string: return "string"
    case .binary: return "binary data"
    case .array: return "list"
    case .object: return "table"
    }
}
