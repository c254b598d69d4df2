import OrderedCollections

/// Writes input as the json and rest-json protocols send it, straight to bytes: members under
/// their `locationName` (or their own name), blobs base64, timestamps as epoch seconds unless
/// the member or shape names another `timestampFormat`, documents as given, nulls left out, and
/// members the shape does not know left out too (input has been validated already). When two
/// members share a wire name, the last one given is sent, where the first would be.
struct JSONInputWriter {
    private var json = JSONWriter(options: .base64Binary)

    /// The bytes written so far.
    var output: [UInt8] { json.output }

    /// Writes a structure's members as a JSON object.
    mutating func writeStructure(
        _ members: OrderedDictionary<String, JSONValue>, shape: Shape, path: InputPath
    ) throws {
        json.append(byte: UInt8(ascii: "{"))
        var first = true
        if members.count > 1, shape.wireNames.sharesWireNames {
            var lastByWireName: [String: JSONValue] = [:]
            for (name, value) in members where value != .null {
                if let member = shape.members[name] { lastByWireName[member.wireName] = value }
            }
            var written: Set<String> = []
            for (name, _) in members {
                guard let member = shape.members[name], let value = lastByWireName[member.wireName],
                    written.insert(member.wireName).inserted
                else { continue }
                try writeMember(member, value: value, first: &first, path: path.member(name))
            }
        } else {
            for (name, value) in members where value != .null {
                guard let member = shape.members[name] else { continue }
                try writeMember(member, value: value, first: &first, path: path.member(name))
            }
        }
        json.append(byte: UInt8(ascii: "}"))
    }

    private mutating func writeMember(_ member: ShapeMember, value: JSONValue, first: inout Bool, path: InputPath)
        throws
    {
        if !first { json.append(byte: UInt8(ascii: ",")) }
        first = false
        json.writeString(member.wireName)
        json.append(byte: UInt8(ascii: ":"))
        try writeValue(value, shape: member.shape, member: member, path: path)
    }

    /// Writes one input value of `shape`, which is not null.
    mutating func writeValue(_ value: JSONValue, shape: Shape, member: ShapeMember?, path: InputPath) throws {
        if shape.isDocument {
            json.basePath = path.isRoot ? "" : "." + path.text
            defer { json.basePath = "" }
            return try json.write(value)
        }
        switch shape.kind {
        case .structure:
            guard let members = value.objectValue else { throw Self.mismatch(value, "a table", path) }
            try writeStructure(members, shape: shape, path: path)
        case .list:
            guard let elements = value.arrayValue, let element = shape.member else {
                throw Self.mismatch(value, "a list", path)
            }
            json.append(byte: UInt8(ascii: "["))
            var first = true
            for (index, item) in elements.enumerated() where item != .null {
                if !first { json.append(byte: UInt8(ascii: ",")) }
                first = false
                try writeValue(item, shape: element.shape, member: element, path: path.index(index + 1))
            }
            json.append(byte: UInt8(ascii: "]"))
        case .map:
            guard let entries = value.objectValue, let valueMember = shape.value else {
                throw Self.mismatch(value, "a table", path)
            }
            json.append(byte: UInt8(ascii: "{"))
            var first = true
            for (key, item) in entries where item != .null {
                if !first { json.append(byte: UInt8(ascii: ",")) }
                first = false
                json.writeString(key)
                json.append(byte: UInt8(ascii: ":"))
                try writeValue(item, shape: valueMember.shape, member: valueMember, path: path.key(key))
            }
            json.append(byte: UInt8(ascii: "}"))
        default:
            try json.write(try Self.wireScalar(value, shape: shape, member: member, path: path))
        }
    }

    /// The JSON of a scalar input value of `shape`.
    private static func wireScalar(_ value: JSONValue, shape: Shape, member: ShapeMember?, path: InputPath) throws
        -> JSONValue
    {
        switch shape.kind {
        case .blob:
            guard let bytes = value.inputBytes else { throw Self.mismatch(value, "a string of bytes", path) }
            return .string(Base64.encode(bytes))
        case .timestamp:
            guard let timestamp = value.inputTimestamp else {
                throw Self.mismatch(value, "a timestamp (ISO 8601 text or epoch seconds)", path)
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
            default: throw Self.mismatch(value, "an integer", path)
            }
        case .float, .double:
            switch value {
            case .integer: return value
            case .double(let number):
                return number.isFinite ? value : .string(RESTValueText.doubleText(number, shape: shape))
            default: throw Self.mismatch(value, "a number", path)
            }
        case .boolean:
            guard case .bool = value else { throw Self.mismatch(value, "a boolean", path) }
            return value
        default:
            guard case .string = value else { throw Self.mismatch(value, "a string", path) }
            return value
        }
    }

    private static func mismatch(_ value: JSONValue, _ expected: String, _ path: InputPath) -> AWSError {
        AWSError.invalidInputValue(path.text, "expected \(expected), got \(RESTValueText.kindName(value))")
    }
}

extension JSONProtocol {
    /// The JSON body of a structure's members, for the json and rest-json protocols.
    static func wireBody(_ members: OrderedDictionary<String, JSONValue>, shape: Shape) throws -> [UInt8] {
        var writer = JSONInputWriter()
        try writer.writeStructure(members, shape: shape, path: .root)
        return writer.output
    }
}
