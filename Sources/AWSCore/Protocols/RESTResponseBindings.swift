import OrderedCollections

/// Reads the output members a rest response carries outside its body, as botocore does:
///
/// - `header`: the named header (case-insensitive), typed by the member's shape: integers,
///   floats, booleans (`true`, any case), timestamps (RFC 822, ISO 8601 or epoch, given back
///   as `Timestamp.iso8601Seconds`), blobs (base64), `jsonvalue` strings (base64 JSON, given
///   back decoded), lists (split on `,`). A value that does not read as its type is kept as text.
/// - `headers`: every header starting with the prefix (case-insensitive), keyed by the rest of
///   its name in the case the service sent it, as botocore does (`x-amz-meta-Owner` gives
///   `Owner`); present even when empty.
/// - `statusCode`: the HTTP status.
public enum RESTResponseBindings {
    public static func members(of shape: Shape, in response: HTTPResponse) -> OrderedDictionary<String, JSONValue> {
        var out: OrderedDictionary<String, JSONValue> = [:]
        for (name, member) in shape.members {
            switch member.location {
            case .statusCode:
                out[name] = .integer(Int64(response.status))
            case .header:
                if let text = response.header(member.wireName) {
                    out[name] = headerValue(text, shape: member.shape, jsonValue: member.jsonValue)
                }
            case .headers:
                let prefix = member.wireName.lowercased()
                var map: OrderedDictionary<String, JSONValue> = [:]
                for header in response.headers {
                    let lower = header.name.lowercased()
                    guard lower.hasPrefix(prefix) else { continue }
                    map[String(decoding: header.name.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)] =
                        .string(header.value)
                }
                out[name] = .object(map)
            case .uri, .querystring, nil:
                continue
            }
        }
        return out
    }

    /// `text` read as a value of `shape`.
    static func headerValue(_ text: String, shape: Shape, jsonValue: Bool) -> JSONValue {
        switch shape.kind {
        case .string:
            guard jsonValue, let bytes = Base64.decode(text), let decoded = try? JSONDecoding.decode(bytes) else {
                return .string(text)
            }
            return decoded
        case .integer, .long:
            return Int64(trimmed(text)).map(JSONValue.integer) ?? .string(text)
        case .float, .double:
            return Double(trimmed(text)).map(JSONValue.double) ?? .string(text)
        case .boolean:
            return .bool(trimmed(text).lowercased() == "true")
        case .timestamp:
            return Timestamp(parsing: text).map { .string($0.iso8601Seconds) } ?? .string(text)
        case .blob:
            return Base64.decode(text).map(JSONValue.binary) ?? .binary(Array(text.utf8))
        case .list:
            guard let element = shape.member else { return .string(text) }
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { trimmed(String($0)) }
            return .array(items.map { headerValue($0, shape: element.shape, jsonValue: element.jsonValue) })
        case .structure, .map:
            return .string(text)
        }
    }

    private static func trimmed(_ text: String) -> String {
        var view = Substring(text)
        while view.first == " " || view.first == "\t" { view = view.dropFirst() }
        while view.last == " " || view.last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
