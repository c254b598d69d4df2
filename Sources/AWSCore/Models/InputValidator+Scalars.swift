extension ValidationWalk {
    mutating func checkScalar(_ value: JSONValue, _ shape: Shape, _ path: InputPath) {
        switch (shape.kind, value) {
        case (.string, .string(let text)):
            if shape.min != nil || shape.max != nil { checkLength(Self.scalarCount(text), shape, path) }
        case (.blob, .string(let text)):
            if shape.min != nil || shape.max != nil { checkLength(text.utf8.count, shape, path) }
        case (.blob, .binary(let bytes)):
            checkLength(bytes.count, shape, path)
        case (.boolean, .bool):
            break
        case (.integer, .integer(let n)), (.long, .integer(let n)):
            checkRange(Double(n), shape, path)
        case (.integer, .double(let d)), (.long, .double(let d)):
            if d.rounded() == d, abs(d) < 9.2e18 {
                checkRange(d, shape, path)
            } else {
                report(path, "expected integer, got number \(Self.format(d))")
            }
        case (.float, .integer(let n)), (.double, .integer(let n)):
            checkRange(Double(n), shape, path)
        case (.float, .double(let d)), (.double, .double(let d)):
            checkRange(d, shape, path)
        case (.timestamp, .integer(let n)):
            checkTimestamp(Double(n), path)
        case (.timestamp, .double(let d)):
            checkTimestamp(d, path)
        case (.timestamp, .string(let text)):
            if Timestamp(parsing: text) == nil {
                report(
                    path,
                    "expected timestamp (ISO 8601 string or epoch seconds), got string \"\(QuotedValue.shortened(text))\""
                )
            }
        default:
            report(path, "expected \(Self.expected(shape.kind)), got \(Self.describe(value))")
        }
    }

    mutating func checkTimestamp(_ seconds: Double, _ path: InputPath) {
        if seconds.isNaN {
            report(path, "expected timestamp (ISO 8601 string or epoch seconds), got NaN")
        } else if !Timestamp.supportedRange.contains(seconds) {
            report(path, "timestamp \(Self.format(seconds)) epoch seconds is outside the years 1 to 9999")
        }
    }

    mutating func checkLength(_ length: Int, _ shape: Shape, _ path: InputPath) {
        if let min = shape.min, Double(length) < min {
            report(path, "length \(length) is below the minimum \(Self.format(min))")
        }
        if let max = shape.max, Double(length) > max {
            report(path, "length \(length) is above the maximum \(Self.format(max))")
        }
    }

    private mutating func checkRange(_ number: Double, _ shape: Shape, _ path: InputPath) {
        if let min = shape.min, number < min {
            report(path, "value \(Self.format(number)) is below the minimum \(Self.format(min))")
        }
        if let max = shape.max, number > max {
            report(path, "value \(Self.format(number)) is above the maximum \(Self.format(max))")
        }
    }

    private static func expected(_ kind: Shape.Kind) -> String {
        switch kind {
        case .integer, .long: return "integer"
        case .float, .double: return "number"
        case .blob: return "string (blob)"
        case .timestamp: return "timestamp (ISO 8601 string or epoch seconds)"
        default: return kind.rawValue
        }
    }

    /// The Unicode scalars of `text`: its UTF-8 bytes that do not continue a sequence.
    private static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var continuations = 0
            for byte in bytes where byte & 0xC0 == 0x80 { continuations += 1 }
            return bytes.count - continuations
        }
    }

    /// What a value is, in the words of a Lua user.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "nil"
        case .bool: return "boolean"
        case .integer, .double: return "number"
        case .string: return "string"
        case .binary: return "binary data (not UTF-8 text)"
        case .array: return "list"
        case .object: return "table"
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
