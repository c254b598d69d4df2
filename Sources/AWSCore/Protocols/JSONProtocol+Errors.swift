import OrderedCollections

extension JSONProtocol {
    /// Where a JSON error's code is looked for first: the json protocol reads the body's
    /// `__type` before the `X-Amzn-ErrorType` header; rest-json reads the header first, then
    /// the body's `code`, `Code` or `__type`.
    enum ErrorCodeOrder {
        case bodyFirst, headerFirst
    }

    /// The error of a json or rest-json response, or nil for a success (status below 300).
    ///
    /// - JSON body: code as `ErrorCodeOrder` says, cleaned (`aws.glue#EntityNotFoundException:http://..`
    ///   gives `EntityNotFoundException`); message from `message` or `Message`; the members of the
    ///   matching modeled error shape (and, for rest-json, its header members) in `fields`.
    /// - XML body (moto answers auth failures of JSON services with a query-style
    ///   `<ErrorResponse>`): `Code`, `Message` and `RequestId` read by `QueryErrorParser`.
    /// - Anything else (an HTML error page, plain text) or no body: the code is the HTTP status
    ///   as text (`"500"`, as botocore gives it) and the message quotes the start of the body.
    static func readError(
        _ response: HTTPResponse, operation: OperationModel, order: ErrorCodeOrder
    ) -> AWSError? {
        guard response.status >= 300 else { return nil }
        let statusCode = String(response.status)
        let headerCode = response.header("x-amzn-errortype").map(cleanErrorCode)
        var error = AWSError(
            code: headerCode ?? statusCode, message: "", status: response.status,
            requestID: response.header("x-amzn-requestid") ?? response.header("x-amz-request-id"),
            operation: operation.name)

        let text = String(decoding: response.body, as: UTF8.self)
        let start = text.first { !$0.isWhitespace }
        if start == "{", let body = try? JSONDecoding.decode(response.body), let object = body.objectValue {
            let bodyCode: String? =
                switch order {
                case .bodyFirst: object["__type"]?.stringValue
                case .headerFirst:
                    object["code"]?.stringValue ?? object["Code"]?.stringValue ?? object["__type"]?.stringValue
                }
            if let bodyCode, order == .bodyFirst || headerCode == nil { error.code = cleanErrorCode(bodyCode) }
            error.message = object["message"]?.stringValue ?? object["Message"]?.stringValue ?? ""
            if let shape = modeledErrorShape(error.code, in: operation) {
                var fields = outputMembers(object, shape: shape, skippingLocated: order == .headerFirst)
                if order == .headerFirst {
                    fields.merge(RESTResponseBindings.members(of: shape, in: response)) { body, _ in body }
                }
                error.fields = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
            }
        } else if start == "<", let xml = QueryErrorParser.parse(response.body, status: response.status) {
            error.code = xml.code
            error.message = xml.message
            error.requestID = error.requestID ?? xml.requestID
        } else if start != nil {
            error.message = "the service answered HTTP \(response.status) with: \(quotedStart(of: text))"
        } else {
            error.message = "the service answered HTTP \(response.status) with an empty body"
        }
        if error.message.isEmpty { error.message = "the service answered HTTP \(response.status) (\(error.code))" }
        applyQueryError(&error, response, operation: operation)
        return error
    }

    /// A service that moved from the query protocol (`awsQueryCompatible`) names the code its
    /// query API used in `x-amzn-query-error: Code;Type`: as botocore does, that becomes the
    /// code, and the JSON code and the type go to `fields` (`QueryErrorCode`, `Type`). The
    /// modeled error is then looked up by the query code.
    static func applyQueryError(_ error: inout AWSError, _ response: HTTPResponse, operation: OperationModel) {
        guard let header = response.header("x-amzn-query-error") else { return }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else { return }
        var fields = error.fields
        fields["QueryErrorCode"] = .string(error.code)
        fields["Type"] = .string(parts[1])
        error.code = parts[0]
        if let shape = modeledErrorShape(error.code, in: operation),
            let object = try? JSONDecoding.decode(response.body).objectValue
        {
            for (name, value) in outputMembers(object, shape: shape) { fields[name] = value }
        }
        error.fields = fields
    }

    /// `namespace#Code:detail` → `Code`, as botocore cleans `__type` and `X-Amzn-ErrorType`.
    static func cleanErrorCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code).trimmingASCIIWhitespace()
    }

    /// The operation's error shape whose name or modeled code is `code`.
    static func modeledErrorShape(_ code: String, in operation: OperationModel) -> Shape? {
        operation.errors.first { $0.name == code || $0.errorCode == code }
    }

    /// The text of a body that is not JSON, secret fields redacted, tags removed and whitespace
    /// collapsed, cut to 200 characters.
    static func quotedStart(of text: String) -> String {
        var inTag = false
        var plain = ""
        for character in Redaction.body(text) {
            if character == "<" {
                inTag = true
                plain.append(" ")
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                plain.append(character)
            }
        }
        let words = plain.split(whereSeparator: { $0.isWhitespace })
        let joined = words.joined(separator: " ")
        return joined.count > 200 ? String(joined.prefix(200)) + "..." : joined
    }
}
