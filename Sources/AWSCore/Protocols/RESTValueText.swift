/// The text of a scalar input value where rest protocols send text: URI labels, query
/// parameters and headers. Booleans are `true`/`false`, timestamps use the member's
/// `timestampFormat` or the location's default, blobs are base64.
enum RESTValueText {
    static func text(
        _ value: JSONValue, shape: Shape, member: ShapeMember?, timestampDefault: Timestamp.Format, path: String
    ) throws -> String {
        if shape.kind == .timestamp {
            guard let timestamp = value.inputTimestamp else {
                throw AWSError.invalidInputValue(path, "expected a timestamp (ISO 8601 text or epoch seconds)")
            }
            return timestamp.formatted(shape.wireTimestampFormat(member: member, fallback: timestampDefault))
        }
        if shape.kind == .blob, let bytes = value.inputBytes { return Base64.encode(bytes) }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return doubleText(number, shape: shape)
        case .binary(let bytes): return Base64.encode(bytes)
        case .null, .array, .object:
            throw AWSError.invalidInputValue(path, "expected a \(shape.kind.rawValue), got \(kindName(value))")
        }
    }

    /// Doubles as botocore writes them: `NaN`, `Infinity`, whole values of integer shapes without `.0`.
    static func doubleText(_ number: Double, shape: Shape) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
        if shape.kind == .integer || shape.kind == .long, number == number.rounded(), abs(number) < 9.2e18 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// The kind of `value` with its article, for error messages (`an integer`).
    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .binary: return "a binary string"
        case .array: return "a list"
        case .object: return "a table"
        }
    }
}
