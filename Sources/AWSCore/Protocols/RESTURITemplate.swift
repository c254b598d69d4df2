/// A rest operation's request URI template (`/{Bucket}/{Key+}?uploads`) split into its path
/// and static query, and expanded with label values.
///
/// Labels are percent-encoded as RFC 3986 wants (every byte but `A-Z a-z 0-9 - _ . ~`); a
/// greedy label (`{Key+}`) keeps its `/`. The static query is kept exactly as written.
struct RESTURITemplate {
    /// The path part, labels included.
    let path: String
    /// The text after `?`, nil when there is none.
    let staticQuery: String?

    init(_ requestURI: String) {
        if let mark = requestURI.firstIndex(of: "?") {
            path = String(requestURI[..<mark])
            let query = requestURI[requestURI.index(after: mark)...]
            staticQuery = query.isEmpty ? nil : String(query)
        } else {
            path = requestURI
            staticQuery = nil
        }
    }

    /// The path with every label replaced by its encoded value. A label without a value, or
    /// with an empty one, is a `ValidationError` naming it: the request would reach the wrong resource.
    func expand(_ values: [String: String]) throws -> String {
        var failure: AWSError?
        let expanded = expandPath { name, greedy in
            guard let value = values[name] else {
                failure = failure ?? AWSError.invalidInputValue(name, "is required (it is part of the request path)")
                return ""
            }
            guard !value.isEmpty else {
                failure =
                    failure ?? AWSError.invalidInputValue(name, "must not be empty (it is part of the request path)")
                return ""
            }
            return greedy ? PercentEncoding.encodePath(value) : PercentEncoding.encode(value)
        }
        if let failure { throw failure }
        return expanded
    }

    private func expandPath(_ replace: (_ name: String, _ greedy: Bool) -> String) -> String {
        var out = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            var name = rest[rest.index(after: open)..<close]
            let greedy = name.hasSuffix("+")
            if greedy { name = name.dropLast() }
            out += replace(String(name), greedy)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
