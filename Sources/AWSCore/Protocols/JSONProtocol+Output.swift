import OrderedCollections

extension JSONProtocol {
    /// An output value of `shape` read from a json or rest-json body: integers and longs as
    /// `.integer`, floats and doubles as `.double`, blobs decoded from base64 to `.binary`,
    /// timestamps (epoch numbers, possibly fractional, or text) as `Timestamp.iso8601`,
    /// documents as they are. Members the shape does not know are dropped, and so are nulls.
    /// A value that does not read as its type is kept as it came rather than failing the call.
    static func outputValue(_ wire: JSONValue, shape: Shape) -> JSONValue? {
        if wire == .null { return nil }
        if shape.isDocument { return wire }
        switch shape.kind {
        case .structure:
            guard let object = wire.objectValue else { return wire }
            return .object(outputMembers(object, shape: shape))
        case .list:
            guard let elements = wire.arrayValue, let element = shape.member else { return wire }
            return .array(elements.compactMap { outputValue($0, shape: element.shape) })
        case .map:
            guard let entries = wire.objectValue, let valueMember = shape.value else { return wire }
            var out: OrderedDictionary<String, JSONValue> = [:]
            for (key, item) in entries {
                if let value = outputValue(item, shape: valueMember.shape) { out[key] = value }
            }
            return .object(out)
        default:
            return outputScalar(wire, shape: shape)
        }
    }

    /// A scalar output value of `shape` (not a structure, list or map) read from the wire, as
    /// `outputValue` describes; shared with `JSONOutputReader`.
    static func outputScalar(_ wire: JSONValue, shape: Shape) -> JSONValue {
        switch shape.kind {
        case .integer, .long:
            if case .double(let number) = wire, number == number.rounded(), abs(number) < 9.2e18 {
                return .integer(Int64(number))
            }
            if case .string(let text) = wire, let number = Int64(text) { return .integer(number) }
            return wire
        case .float, .double:
            if case .integer(let number) = wire { return .double(Double(number)) }
            if case .string(let text) = wire, let number = Double(text) { return .double(number) }
            return wire
        case .boolean:
            if case .string(let text) = wire { return .bool(text.lowercased() == "true") }
            return wire
        case .blob:
            guard case .string(let text) = wire else { return wire }
            return Base64.decode(text).map(JSONValue.binary) ?? wire
        case .timestamp:
            switch wire {
            case .integer(let seconds): return .string(Timestamp(epochSeconds: Double(seconds)).iso8601)
            case .double(let seconds): return .string(Timestamp(epochSeconds: seconds).iso8601)
            case .string(let text): return Timestamp(parsing: text).map { .string($0.iso8601) } ?? wire
            default: return wire
            }
        case .string, .structure, .list, .map:
            return wire
        }
    }

    /// The members of `shape` found in a body object, in model order, read by their wire names.
    static func outputMembers(
        _ object: OrderedDictionary<String, JSONValue>, shape: Shape, skippingLocated: Bool = false
    ) -> OrderedDictionary<String, JSONValue> {
        var out: OrderedDictionary<String, JSONValue> = [:]
        for (name, member) in shape.members {
            if skippingLocated && member.location != nil { continue }
            guard let raw = object[member.wireName], let value = outputValue(raw, shape: member.shape) else { continue }
            out[name] = value
        }
        return out
    }
}
