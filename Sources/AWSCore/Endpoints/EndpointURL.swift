/// The rules' `parseURL`, as Python's `urlparse` reads a URL: scheme, authority, path, the
/// path normalised, and whether the host is an IP address. nil for anything but http(s)
/// URLs without a query and with a valid port.
enum EndpointURL {
    static func parse(_ text: String) -> JSONValue? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = Substring(text[text.index(after: colon)...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let question = rest.firstIndex(of: "?") {
            if rest.index(after: question) < rest.endIndex { return nil }
            rest = rest[..<question]
        }
        var authority = Substring("")
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = rest[..<end]
            rest = rest[end...]
        }
        let path = String(rest)
        guard let host = hostName(String(authority)) else { return nil }
        var normalized = PercentEncoding.encodePath(removeDotSegments(path.isEmpty ? "/" : path))
        if !normalized.hasSuffix("/") { normalized += "/" }
        return .object([
            "scheme": .string(scheme), "authority": .string(String(authority)), "path": .string(path),
            "normalizedPath": .string(normalized), "isIp": .bool(isIPv4(host) || isIPv6(host)),
        ])
    }

    /// The host of an authority (without user info and port); nil when the port is not a number
    /// from 0 to 65535.
    private static func hostName(_ authority: String) -> String? {
        var hostAndPort = Substring(authority)
        if let at = hostAndPort.lastIndex(of: "@") { hostAndPort = hostAndPort[hostAndPort.index(after: at)...] }
        var host = hostAndPort
        var port = Substring("")
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            host = hostAndPort[...close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<colon]
            port = hostAndPort[hostAndPort.index(after: colon)...]
        }
        if !port.isEmpty {
            guard port.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(port), number <= 65535 else {
                return nil
            }
        }
        return host.lowercased()
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { (1...3).contains($0.utf8.count) && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// A bracketed IPv6 address (with an optional zone).
    static func isIPv6(_ host: String) -> Bool {
        guard host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 else { return false }
        let address = host.dropFirst().dropLast().split(separator: "%", maxSplits: 1).first ?? ""
        return address.contains(":")
            && address.utf8.allSatisfy { $0 == 58 || $0 == 46 || EndpointFunctions.isASCIIAlphanumeric($0) }
            && address.utf8.allSatisfy { !(($0 >= 103 && $0 <= 122) || ($0 >= 71 && $0 <= 90)) }
    }

    /// RFC 3986 dot-segment removal, with empty segments dropped (as botocore does).
    static func removeDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }
}
