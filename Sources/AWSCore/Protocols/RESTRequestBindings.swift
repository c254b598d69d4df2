import FoundationEssentials
import OrderedCollections

/// Where the members of a rest operation's input travel: URI labels, query string and
/// headers, as the model's `location` traits say; the members left over belong in the body,
/// which each rest protocol (rest-json, rest-xml) writes its own way.
///
/// - `uri`: labels of the request URI template, percent-encoded (see `RESTURITemplate`).
/// - `querystring`: scalars as text (timestamps ISO 8601 unless the member says otherwise),
///   lists as repeated keys, a map as its own keys (a map of lists repeats them). Keys and
///   values are RFC 3986 encoded and follow the template's static query (`?uploads`).
/// - `header`: scalars as text (timestamps RFC 822 unless the member says otherwise), lists
///   joined by `,` (strings holding `,` or `"` quoted), `jsonvalue` strings as base64 JSON;
///   an empty list sends nothing.
/// - `headers`: a map sent as one header per key, named prefix + key (`x-amz-meta-`).
public struct RESTRequestBindings {
    /// The request path, labels expanded and encoded.
    public var path: String
    /// The encoded query string (no `?`), nil when there is none.
    public var query: String?
    public var headers: [(name: String, value: String)] = []
    /// Input members without a location, by member name, in input order.
    public var bodyMembers: OrderedDictionary<String, JSONValue> = [:]

    /// Binds `input` (an object shaped like the operation's input) to the request parts.
    public init(operation: OperationModel, input: JSONValue) throws {
        let template = RESTURITemplate(operation.requestURI)
        var labels: [String: String] = [:]
        var queryPairs: [String] = []
        let members = operation.input?.members ?? [:]
        for (name, value) in input.objectValue ?? [:] {
            guard value != .null, let member = members[name] else { continue }
            switch member.location {
            case .uri:
                labels[member.wireName] = try RESTValueText.text(
                    value, shape: member.shape, member: member, timestampDefault: .iso8601, path: name)
            case .querystring:
                queryPairs += try Self.queryPairs(value, member: member, path: name)
            case .header:
                if let text = try Self.headerText(value, member: member, path: name) {
                    try Self.checkHeader(name: member.wireName, value: text, path: name)
                    headers.append((member.wireName, text))
                }
            case .headers:
                let prefixed = try Self.prefixedHeaders(value, member: member, path: name)
                for header in prefixed { try Self.checkHeader(name: header.name, value: header.value, path: name) }
                headers += prefixed
            case .statusCode, nil:
                bodyMembers[name] = value
            }
        }
        path = try template.expand(labels)
        let parts = (template.staticQuery.map { [$0] } ?? []) + queryPairs
        query = parts.isEmpty ? nil : parts.joined(separator: "&")
    }

    /// The request URL on `endpoint`: the endpoint's own path (when it has one) joined with
    /// the request path, as botocore joins them.
    public func url(on endpoint: AWSURL) -> String {
        var url = endpoint
        if path.isEmpty || path == "/" {
            url.path = endpoint.path
        } else if endpoint.path.hasSuffix("/") && path.hasPrefix("/") {
            url.path = String(endpoint.path.dropLast()) + path
        } else {
            url.path = endpoint.path + path
        }
        url.query = query
        return url.description
    }

    private static func queryPairs(_ value: JSONValue, member: ShapeMember, path: String) throws -> [String] {
        let shape = member.shape
        func pair(_ key: String, _ text: String) -> String {
            PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text)
        }
        switch shape.kind {
        case .list:
            guard let elements = value.arrayValue, let element = shape.member else {
                throw AWSError.invalidInputValue(path, "expected a list, got \(RESTValueText.kindName(value))")
            }
            return try elements.enumerated().map { index, item in
                pair(
                    member.wireName,
                    try RESTValueText.text(
                        item, shape: element.shape, member: element, timestampDefault: .iso8601,
                        path: "\(path)[\(index + 1)]"))
            }
        case .map:
            guard let entries = value.objectValue, let valueMember = shape.value else {
                throw AWSError.invalidInputValue(path, "expected a table, got \(RESTValueText.kindName(value))")
            }
            var pairs: [String] = []
            for (key, item) in entries {
                let itemPath = "\(path).\(QuotedValue.shortened(key))"
                if valueMember.shape.kind == .list, let elements = item.arrayValue,
                    let element = valueMember.shape.member
                {
                    for (index, text) in elements.enumerated() {
                        pairs.append(
                            pair(
                                key,
                                try RESTValueText.text(
                                    text, shape: element.shape, member: element, timestampDefault: .iso8601,
                                    path: "\(itemPath)[\(index + 1)]")))
                    }
                } else {
                    pairs.append(
                        pair(
                            key,
                            try RESTValueText.text(
                                item, shape: valueMember.shape, member: valueMember, timestampDefault: .iso8601,
                                path: itemPath)))
                }
            }
            return pairs
        default:
            return [
                pair(
                    member.wireName,
                    try RESTValueText.text(
                        value, shape: shape, member: member, timestampDefault: .iso8601, path: path))
            ]
        }
    }

    /// Refuses a header that would break the request's header block: a line break or NUL, or
    /// in a name a colon or white space (HTTP clients would send a second, injected header).
    private static func checkHeader(name: String, value: String, path: String) throws {
        let breaking: Set<Unicode.Scalar> = ["\r", "\n", "\0"]
        if let bad = name.unicodeScalars.first(where: { breaking.contains($0) || $0 == ":" || $0 == " " || $0 == "\t" })
        {
            throw AWSError.invalidInputValue(
                path,
                "header name \(String(reflecting: QuotedValue.shortened(name))) must not contain \(String(reflecting: String(bad)))"
            )
        }
        if let bad = value.unicodeScalars.first(where: { breaking.contains($0) }) {
            throw AWSError.invalidInputValue(
                path,
                "header value \(String(reflecting: QuotedValue.shortened(value))) must not contain \(String(reflecting: String(bad)))"
            )
        }
    }

    /// The header text of `value`, nil for an empty list (which sends no header).
    private static func headerText(_ value: JSONValue, member: ShapeMember, path: String) throws -> String? {
        let shape = member.shape
        if member.jsonValue {
            let json = try JSONEncoding.encode(value, options: .base64Binary)
            return Base64.encode(json)
        }
        guard shape.kind == .list else {
            return try RESTValueText.text(value, shape: shape, member: member, timestampDefault: .rfc822, path: path)
        }
        guard let elements = value.arrayValue, let element = shape.member else {
            throw AWSError.invalidInputValue(path, "expected a list, got \(RESTValueText.kindName(value))")
        }
        guard !elements.isEmpty else { return nil }
        return try elements.enumerated().compactMap { index, item -> String? in
            guard item != .null else { return nil }
            let text = try RESTValueText.text(
                item, shape: element.shape, member: element, timestampDefault: .rfc822, path: "\(path)[\(index + 1)]")
            guard element.shape.kind == .string, text.contains(",") || text.contains("\"") else { return text }
            return "\"" + text.replacingEvery("\"", with: "\\\"") + "\""
        }.joined(separator: ",")
    }

    private static func prefixedHeaders(_ value: JSONValue, member: ShapeMember, path: String) throws -> [(
        name: String, value: String
    )] {
        guard let entries = value.objectValue else {
            throw AWSError.invalidInputValue(path, "expected a table, got \(RESTValueText.kindName(value))")
        }
        let valueMember = member.shape.value
        return try entries.compactMap { key, item in
            guard item != .null else { return nil }
            let text: String
            if let valueMember {
                text = try RESTValueText.text(
                    item, shape: valueMember.shape, member: valueMember, timestampDefault: .rfc822,
                    path: "\(path).\(QuotedValue.shortened(key))")
            } else {
                text = item.stringValue ?? ""
            }
            return (member.wireName + key, text)
        }
    }
}
