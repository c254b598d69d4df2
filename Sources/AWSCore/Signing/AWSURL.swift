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
    public init(parsing text: String) throws {
        guard let schemeEnd = text.firstRange(of: "://") else {
            throw AWSError(
                code: "InvalidURL",
                message: "URL \(QuotedValue.shortened(Redaction.url(text))) has no scheme (expected https://host/...)")
        }
        let scheme = String(text[..<schemeEnd.lowerBound])
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        else {
            throw AWSError(
                code: "InvalidURL", message: "URL \(QuotedValue.shortened(Redaction.url(text))) has an invalid scheme")
        }
        var rest = text[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let pathAndQuery = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }

        let (host, port) = try AWSURL.splitAuthority(authority, in: text)
        var path = pathAndQuery
        var query: String?
        if let mark = pathAndQuery.firstIndex(of: "?") {
            path = pathAndQuery[..<mark]
            query = String(pathAndQuery[pathAndQuery.index(after: mark)...])
        }
        self.init(scheme: scheme, host: host, port: port, path: String(path), query: query)
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

    private static func splitAuthority(_ authority: Substring, in text: String) throws -> (
        String, Int?
    ) {
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw AWSError(
                    code: "InvalidURL",
                    message: "URL \(QuotedValue.shortened(Redaction.url(text))) has an unterminated IPv6 address")
            }
            hostPart = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portPart = after.dropFirst()
            } else if !after.isEmpty {
                throw AWSError(
                    code: "InvalidURL",
                    message: "URL \(QuotedValue.shortened(Redaction.url(text))) has text after its IPv6 address")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else {
            throw AWSError(code: "InvalidURL", message: "URL \(QuotedValue.shortened(Redaction.url(text))) has no host")
        }
        guard let portPart, !portPart.isEmpty else { return (String(hostPart), nil) }
        guard portPart.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portPart),
            port <= 65535
        else {
            throw AWSError(
                code: "InvalidURL",
                message:
                    "URL \(QuotedValue.shortened(Redaction.url(text))) has an invalid port \(QuotedValue.shortened(portPart))"
            )
        }
        return (String(hostPart), port)
    }
}
