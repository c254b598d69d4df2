import OrderedCollections

/// Reads the errors AWS sends as XML: the query protocol's `<ErrorResponse>` (also what
/// moto answers for failed signatures of JSON services), and any failed response whose body
/// is not XML at all (an HTML 500 page, an empty body).
public enum QueryErrorParser {
    /// The error described by an XML error body: `<ErrorResponse><Error>` (AWS),
    /// `<ErrorResponse><Errors><Error>` (moto), `<Response><Errors><Error>` (EC2) or a bare
    /// `<Error>` (S3); nil when the body is not one of these.
    ///
    /// `code` is the wire code (`EntityAlreadyExists`); the request id comes from the body,
    /// else from the `x-amzn-requestid`/`x-amz-request-id` headers. When `operation` models an
    /// error with that code, its members are read from `<Error>` into `fields`, typed by
    /// shape; other details (`Type`, ...) land there as strings.
    public static func parse(
        _ body: [UInt8], status: Int? = nil, headers: [(name: String, value: String)] = [],
        operation: OperationModel? = nil
    ) -> AWSError? {
        guard let root = try? XMLElement(parsing: body), let (error, path) = errorElement(in: root) else { return nil }
        let code = error.childText("Code").map { $0.trimmingASCIIWhitespace() } ?? status.map(String.init) ?? "Unknown"
        var fields: [String: JSONValue] = [:]
        for child in error.children where !["Code", "Message", "RequestId"].contains(child.localName) {
            fields[child.localName] = .string(child.text)
        }
        if let shape = operation?.errors.first(where: { ($0.errorCode ?? $0.name) == code }),
            let modeled = modeledMembers(body, path: path, shape: shape)
        {
            for (name, value) in modeled where name.lowercased() != "message" { fields[name] = value }
        }
        let requestID =
            root.childText("RequestId") ?? root.childText("RequestID") ?? error.childText("RequestId")
            ?? headerRequestID(headers)
        return AWSError(
            code: code, message: error.childText("Message") ?? error.childText("message") ?? "", status: status,
            requestID: requestID.map { $0.trimmingASCIIWhitespace() }, operation: operation?.name, fields: fields)
    }

    /// The error in a failed `response`: from its XML body when it has one, else named by
    /// the HTTP status as botocore does (code `"500"`, message `Internal Server Error`
    /// followed by the start of the body).
    public static func error(in response: HTTPResponse, operation: OperationModel? = nil) -> AWSError {
        if let parsed = parse(response.body, status: response.status, headers: response.headers, operation: operation) {
            return parsed
        }
        var message = statusText(response.status)
        let excerpt = bodyExcerpt(response.body)
        if !excerpt.isEmpty { message += message.isEmpty ? excerpt : ": " + excerpt }
        return AWSError(
            code: String(response.status), message: message, status: response.status,
            requestID: headerRequestID(response.headers), operation: operation?.name)
    }

    /// The `<Error>` element and the names of the elements leading to it from the root.
    private static func errorElement(in root: XMLElement) -> (XMLElement, [String])? {
        switch root.localName {
        case "Error":
            return (root, [])
        case "ErrorResponse", "Response":
            if let error = root.child("Error") { return (error, ["Error"]) }
            return root.child("Errors")?.child("Error").map { ($0, ["Errors", "Error"]) }
        default:
            return nil
        }
    }

    /// The members of a modeled error's `shape` read from the `<Error>` element at `path`.
    private static func modeledMembers(_ body: [UInt8], path: [String], shape: Shape)
        -> OrderedDictionary<String, JSONValue>?
    {
        var builder = JSONValueBuilder()
        builder.beginObject()
        do {
            try XMLOutputReader.readAnswer(body, operationName: shape.name) { reader, root in
                try reader.readMembers(root, at: path.map { Array($0.utf8) }[...], of: shape, into: &builder)
            }
        } catch {
            return nil
        }
        builder.endObject()
        return builder.result?.objectValue
    }

    private static func headerRequestID(_ headers: [(name: String, value: String)]) -> String? {
        headers.first { ["x-amzn-requestid", "x-amz-request-id"].contains($0.name.lowercased()) }?.value
    }

    /// The first 200 characters of a body, whitespace runs collapsed to one space and secret
    /// fields redacted.
    private static func bodyExcerpt(_ body: [UInt8]) -> String {
        let text = Redaction.body(String(decoding: body.prefix(2048), as: UTF8.self))
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 200 ? String(words.prefix(200)) + "..." : words
    }

    /// The reason phrase of the HTTP statuses AWS answers with.
    static func statusText(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 412: return "Precondition Failed"
        case 413: return "Payload Too Large"
        case 416: return "Range Not Satisfiable"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
