/// A URL split into the parts AWS requests need, keeping the path and query exactly as written:
/// no `.`/`..` resolution, no `//` collapsing, no re-encoding, so S3 keys such as `a//b/../c` survive.
/// User info and the fragment are dropped (they are never sent).
public struct AWSURL: Sendable, Equatable, CustomStringConvertible {
    /// Lower-cased scheme, `https` or `http`.
    public var scheme: String
    /// Lower-cased host name; an IPv6 address keeps its brackets (`[::1]`).
    public var host: String
    /// The port as written, `nil` when the URL names none.
    public var port: Int?
    /// The path as written, `/` when the URL has none.
    public var path: String
    /// The query as written, without the `?`; `nil` when there is no `?`.
    public var query: String?

    public init(
        scheme: String, host: String, port: Int? = nil, path: String = "/", query: String? = nil
    ) {
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port
        self.path = path.isEmpty ? "/" : path
        self.query = query
    }

    /// Parses `scheme://[userinfo@]host[:port][/path][?query][#fragment]`.
    ///
    /// Works on the UTF-8 bytes (every delimiter is ASCII): each call is parsed at least once
    /// for its signature, so this stays off Foundation and `Character` iteration.
    public init(parsing text: String) throws {
        var copy = text
        self = try copy.withUTF8 { try AWSURL.parsed($0, text: text) }
    }

    private static func parsed(_ bytes: UnsafeBufferPointer<UInt8>, text: String) throws -> AWSURL {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func first(_ byte: UInt8, in range: Range<Int>) -> Int? { range.first { bytes[$0] == byte } }
        func invalid(_ problem: String) -> AWSError {
            AWSError(code: "InvalidURL", message: "URL \(QuotedValue.shortened(Redaction.url(text))) \(problem)")
        }

        guard
            let schemeEnd = (0..<max(0, bytes.count - 2)).first(where: {
                bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/")
                    && bytes[$0 + 2] == UInt8(ascii: "/")
            })
        else { throw invalid("has no scheme (expected https://host/...)") }
        let scheme = string(0..<schemeEnd)
        guard !scheme.isEmpty, isValidScheme(bytes[0..<schemeEnd], scheme) else {
            throw invalid("has an invalid scheme")
        }
        let restStart = schemeEnd + 3
        let restEnd = first(UInt8(ascii: "#"), in: restStart..<bytes.count) ?? bytes.count
        let authorityEnd =
            (restStart..<restEnd).first { bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: "?") } ?? restEnd
        var authorityStart = restStart
        if let at = (restStart..<authorityEnd).last(where: { bytes[$0] == UInt8(ascii: "@") }) {
            authorityStart = at + 1
        }

        var hostRange = authorityStart..<authorityEnd
        var portRange: Range<Int>?
        if authorityStart < authorityEnd, bytes[authorityStart] == UInt8(ascii: "[") {
            guard let close = first(UInt8(ascii: "]"), in: hostRange) else {
                throw invalid("has an unterminated IPv6 address")
            }
            hostRange = authorityStart..<(close + 1)
            if close + 1 < authorityEnd {
                guard bytes[close + 1] == UInt8(ascii: ":") else { throw invalid("has text after its IPv6 address") }
                portRange = (close + 2)..<authorityEnd
            }
        } else if let colon = (authorityStart..<authorityEnd).last(where: { bytes[$0] == UInt8(ascii: ":") }) {
            hostRange = authorityStart..<colon
            portRange = (colon + 1)..<authorityEnd
        }
        guard !hostRange.isEmpty else { throw invalid("has no host") }
        var port: Int?
        if let portRange, !portRange.isEmpty {
            var value = 0
            for index in portRange {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), value <= 65535 else {
                    throw invalid("has an invalid port \(QuotedValue.shortened(string(portRange)))")
                }
                value = value * 10 + digit
            }
            guard value <= 65535 else {
                throw invalid("has an invalid port \(QuotedValue.shortened(string(portRange)))")
            }
            port = value
        }

        let queryMark = first(UInt8(ascii: "?"), in: authorityEnd..<restEnd)
        let path = string(authorityEnd..<(queryMark ?? restEnd))
        let query = queryMark.map { string(($0 + 1)..<restEnd) }
        return AWSURL(scheme: scheme, host: string(hostRange), port: port, path: path, query: query)
    }

    /// Letters, digits, `+`, `-` and `.`; letters outside ASCII are accepted as they always were.
    private static func isValidScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ scheme: String) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { byte in
                let letter = byte | 0x20
                return (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
        }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The port used when none is written: 443 for https, 80 for http.
    public var defaultPort: Int? {
        switch scheme {
        case "https": return 443
        case "http": return 80
        default: return nil
        }
    }

    /// The `Host` header value: the host, with the port only when it is not the scheme's default.
    public var hostHeader: String {
        if let port, port != defaultPort { return "\(host):\(port)" }
        return host
    }

    /// The query's `name=value` pairs as written (not decoded); a pair without `=` has a `nil` value.
    public var queryItems: [(name: String, value: String?)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
            }
            return (String(pair), nil)
        }
    }

    /// The URL as text: `scheme://host[:port]path[?query]`.
    public var description: String {
        var text = "\(scheme)://\(host)"
        if let port { text += ":\(port)" }
        text += path
        if let query { text += "?\(query)" }
        return text
    }
}
