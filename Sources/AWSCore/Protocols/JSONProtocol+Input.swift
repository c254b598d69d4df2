import OrderedCollections

extension JSONProtocol {
    /// The JSON body of a structure for the json and rest-json protocols: members under their
    /// `locationName` (or their own name), blobs base64, timestamps as epoch seconds unless the
    /// member or shape names another `timestampFormat`, documents as given, nulls left out.
    /// Members the shape does not know are left out too (input has been validated already).
    static func wireStructure(
        _ members: OrderedDictionary<String, JSONValue>, shape: Shape, path: String
    ) throws -> JSONValue {
        var out: OrderedDictionary<String, JSONValue> = [:]
        for (name, value) in members {
            guard let member = shape.members[name] else { continue }
            let memberPath = path.isEmpty ? name : "\(path).\(name)"
            if let wire = try wireValue(value, shape: member.shape, member: member, path: memberPath) {
                out[member.wireName] = wire
            }
        }
        return .object(out)
    }

    /// The JSON of one input value of `shape`; nil for null.
    static func wireValue(_ value: JSONValue, shape: Shape, member: ShapeMember?, path: String) throws -> JSONValue? {
        if value == .null { return nil }
        if shape.isDocument { return value }
        switch shape.kind {
        case .structure:
            guard let members = value.objectValue else { throw mismatch(value, "a table", path) }
            return try wireStructure(members, shape: shape, path: path)
        case .list:
            guard let elements = value.arrayValue, let element = shape.member else {
                throw mismatch(value, "a list", path)
            }
            return .array(
                try elements.enumerated().compactMap { index, item in
                    try wireValue(item, shape: element.shape, member: element, path: "\(path)[\(index + 1)]")
                })
        case .map:
            guard let entries = value.objectValue, let valueMember = shape.value else {
                throw mismatch(value, "a table", path)
            }
            var out: OrderedDictionary<String, JSONValue> = [:]
            for (key, item) in entries {
                if let wire = try wireValue(item, shape: valueMember.shape, member: valueMember, path: "\(path).\(key)")
                {
                    out[key] = wire
                }
            }
            return .object(out)
        case .blob:
            guard let bytes = value.inputBytes else { throw mismatch(value, "a string of bytes", path) }
            return .string(Base64.encode(bytes))
        case .timestamp:
            guard let timestamp = value.inputTimestamp else {
                throw mismatch(value, "a timestamp (ISO 8601 text or epoch seconds)", path)
            }
            switch shape.wireTimestampFormat(member: member, fallback: .unixTimestamp) {
            case .unixTimestamp:
                let seconds = timestamp.epochSeconds
                return seconds == seconds.rounded()
                    ? .integer(Int64(seconds)) : .double((seconds * 1000).rounded() / 1000)
            case .iso8601: return .string(timestamp.iso8601)
            case .rfc822: return .string(timestamp.rfc822)
            }
        case .integer, .long:
            switch value {
            case .integer: return value
            case .double(let number) where number == number.rounded() && abs(number) < 9.2e18:
                return .integer(Int64(number))
            default: throw mismatch(value, "an integer", path)
            }
        case .float, .double:
            switch value {
            case .integer: return value
            case .double(let number):
                return number.isFinite ? value : .string(RESTValueText.doubleText(number, shape: shape))
            default: throw mismatch(value, "a number", path)
            }
        case .boolean:
            guard case .bool = value else { throw mismatch(value, "a boolean", path) }
            return value
        case .string:
            guard case .string = value else { throw mismatch(value, "a string", path) }
            return value
        }
    }

    private static func mismatch(_ value: JSONValue, _ expected: String, _ path: String) -> AWSError {
        AWSError.invalidInputValue(path, "expected \(expected), got \(RESTValueText.kindName(value))")
    }
}
