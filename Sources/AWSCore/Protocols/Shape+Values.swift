extension Shape {
    /// The wire format of a timestamp of this shape reached through `member`: the member's
    /// `timestampFormat`, else the shape's, else the protocol's (or location's) `fallback`.
    func wireTimestampFormat(member: ShapeMember?, fallback: Timestamp.Format) -> Timestamp.Format {
        guard let name = member?.timestampFormat ?? timestampFormat else { return fallback }
        switch name.lowercased() {
        case "iso8601": return .iso8601
        case "unixtimestamp": return .unixTimestamp
        case "rfc822": return .rfc822
        default: return fallback
        }
    }
}

extension JSONValue {
    /// A timestamp given as input: ISO 8601 or HTTP-date text, or epoch seconds.
    var inputTimestamp: Timestamp? {
        switch self {
        case .string(let text): return Timestamp(parsing: text)
        case .integer(let seconds): return Timestamp(epochSeconds: Double(seconds))
        case .double(let seconds) where seconds.isFinite: return Timestamp(epochSeconds: seconds)
        default: return nil
        }
    }

    /// The bytes of a blob given as input: raw bytes, or text taken as its UTF-8 bytes.
    var inputBytes: [UInt8]? {
        switch self {
        case .binary(let bytes): return bytes
        case .string(let text): return Array(text.utf8)
        default: return nil
        }
    }
}

extension AWSError {
    /// A bad input value, named by its path in the input (`Targets.S3Targets[1].Path`).
    static func invalidInputValue(_ path: String, _ problem: String) -> AWSError {
        AWSError(code: "ValidationError", message: "\(path.isEmpty ? "input" : path): \(problem)")
    }
}
