/// The canonical forms of a request's parts, as the SigV4 specification and botocore define them.
extension SigV4Signer {
    /// Headers never signed: they may change in transit or are added by the HTTP library itself
    /// (botocore's `SIGNED_HEADERS_BLACKLIST`, plus `authorization`).
    public static let unsignedHeaderNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate",
        "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The canonical URI: normalised and encoded once more, or (S3) the path as sent.
    static func canonicalURI(_ path: String, normalize: Bool) -> String {
        // The path of every JSON and query protocol call, which both forms leave as it is.
        if path == "/" { return path }
        guard normalize else { return PercentEncoding.escapeForWire(path.isEmpty ? "/" : path) }
        return PercentEncoding.encodePath(removeDotSegments(path))
    }

    /// RFC 3986 section 5.2.4 dot-segment removal, also collapsing empty segments (`//`) as AWS requires.
    static func removeDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
            } else {
                segments.append(segment)
            }
        }
        let lead = path.hasPrefix("/") ? "/" : ""
        let trail = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return lead + segments.joined(separator: "/") + trail
    }

    /// Query pairs re-encoded with only unreserved characters left bare, sorted by key then value,
    /// a key without value written `key=`.
    static func canonicalQuery(_ items: [(name: String, value: String)]) -> String {
        items.map { (PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)) }
            .sorted { lhs, rhs in
                lhs.0 == rhs.0
                    ? lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8)
                    : lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The decoded pairs of a query as written in a URL.
    static func decodedQueryItems(_ url: AWSURL) -> [(name: String, value: String)] {
        url.queryItems.map { (PercentEncoding.decode($0.name), PercentEncoding.decode($0.value ?? "")) }
    }

    /// The canonical header block (`name:value` lines, each ending in a newline) and the signed header list.
    /// Every header is signed but those in `unsignedHeaderNames`; `host` comes from the URL when absent.
    /// Repeated names are joined with `,` in the order they were given.
    static func canonicalHeaders(_ headers: [(name: String, value: String)], hostHeader: String)
        -> (block: String, signed: String)
    {
        var entries: [(name: String, value: String, order: Int)] = []
        entries.reserveCapacity(headers.count + 1)
        var hasHost = false
        for header in headers {
            let name = canonicalName(header.name)
            guard !name.isEmpty, !isUnsigned(name) else { continue }
            if name == "host" { hasHost = true }
            entries.append((name, trimAll(header.value), entries.count))
        }
        if !hasHost { entries.append(("host", hostHeader, entries.count)) }
        entries.sort { lhs, rhs in
            lhs.name == rhs.name ? lhs.order < rhs.order : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        var block: [UInt8] = []
        var signed: [UInt8] = []
        block.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        for (index, entry) in entries.enumerated() {
            if index > 0 && entries[index - 1].name == entry.name {
                block[block.count - 1] = UInt8(ascii: ",")
            } else {
                if !signed.isEmpty { signed.append(UInt8(ascii: ";")) }
                signed.append(utf8Of: entry.name)
                block.append(utf8Of: entry.name)
                block.append(UInt8(ascii: ":"))
            }
            block.append(utf8Of: entry.value)
            block.append(UInt8(ascii: "\n"))
        }
        return (String(decoding: block, as: UTF8.self), String(decoding: signed, as: UTF8.self))
    }

    /// A header name as signed: trimmed of ASCII whitespace and lower-cased. A name already
    /// so (the common case) is returned as it is, and an ASCII one is lower-cased on its bytes.
    static func canonicalName(_ name: String) -> String {
        var name = name
        let ascii = name.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last, !String.isASCIIWhitespace(first),
                !String.isASCIIWhitespace(last)
            else { return nil }
            var upper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper = true }
            }
            return upper
        }
        switch ascii {
        case false?: return name
        case true?:
            return name.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { out in
                    for (index, byte) in bytes.enumerated() {
                        out[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    }
                    return bytes.count
                }
            }
        case nil: return name.trimmingASCIIWhitespace().lowercasedFast()
        }
    }

    /// Whether a canonical header name is one of `unsignedHeaderNames`; most names are told
    /// apart by their length without hashing them.
    private static func isUnsigned(_ name: String) -> Bool {
        let length = name.utf8.count
        return length < 64 && unsignedHeaderNameLengths & (1 << length) != 0 && unsignedHeaderNames.contains(name)
    }

    /// One bit for each length of name in `unsignedHeaderNames`.
    private static let unsignedHeaderNameLengths: UInt64 = unsignedHeaderNames.reduce(0) {
        $1.utf8.count < 64 ? $0 | (1 << $1.utf8.count) : $0
    }

    /// Trims a header value and collapses each inner run of whitespace (folded lines too) to one space.
    static func trimAll(_ value: String) -> String {
        if isTrimmed(value) { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if String.isASCIIWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `trimAll` would leave `value` as it is: no whitespace at either end, and
    /// inside only single spaces.
    private static func isTrimmed(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var previousWasSpace = true
            for byte in bytes {
                if String.isASCIIWhitespace(byte) {
                    if byte != 0x20 || previousWasSpace { return false }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                }
            }
            return !previousWasSpace || bytes.isEmpty
        }
    }
}
