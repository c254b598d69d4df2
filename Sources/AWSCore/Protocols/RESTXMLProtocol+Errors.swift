extension RESTXMLProtocol {
    /// The error in `response`, or nil for a success.
    ///
    /// - Status 300 and above with an XML body: S3's `<Error><Code/><Message/><RequestId/>
    ///   <HostId/>...</Error>` (or the `<ErrorResponse>` of Route 53 and CloudFront), read by
    ///   `QueryErrorParser`: the other elements (`BucketName`, `Key`, `HostId`, ...) land in
    ///   `fields` as text, the members of a modeled error typed by their shapes; the request id
    ///   comes from the body, else from the `x-amz-request-id` header.
    /// - Status 300 and above without an XML body (every HEAD error, a proxy's HTML page): the
    ///   code names the status, the message is its reason phrase and the start of the body.
    /// - Status 200 with an `<Error>` root (S3's `CopyObject`, `UploadPartCopy` and
    ///   `CompleteMultipartUpload` can fail after the 200 is sent): an error with status 500
    ///   and `retryable` set, as botocore treats it.
    /// - Status 200 with a body that is not XML (cut off in transit): an `XMLParseError` that
    ///   keeps the status 200 and says what could not be read, with `retryable` set, as
    ///   botocore retries it.
    ///
    /// Both only for outputs whose payload is not a raw blob or string.
    ///
    /// Codes named after the status (`statusCodeName`): botocore gives the number (`"404"`);
    /// gluescript names it, because `err.code == "NotFound"` reads better in a script, and keeps
    /// the number in `err.status`, where waiters' `status` matchers look:
    ///
    /// | status | code                 |
    /// |--------|----------------------|
    /// | 301    | `PermanentRedirect`  |
    /// | 304    | `NotModified`        |
    /// | 307    | `TemporaryRedirect`  |
    /// | 400    | `BadRequest`         |
    /// | 403    | `Forbidden`          |
    /// | 404    | `NotFound`           |
    /// | 412    | `PreconditionFailed` |
    /// | other  | the number (`"500"`) |
    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        var error: AWSError
        if response.status >= 300 {
            error = QueryErrorParser.error(in: response, operation: operation)
            if error.code == String(response.status) { error.code = Self.statusCodeName(response.status) }
            if error.message.isEmpty { error.message = "the service answered HTTP \(response.status)" }
        } else if response.status == 200, Self.mayCarryError(operation) {
            guard let embedded = Self.embeddedError(response, operation: operation) else { return nil }
            error = embedded
        } else {
            return nil
        }
        error.service = metadata.serviceID
        error.operation = operation.name
        return error
    }

    /// The error code of a response that names none itself (see `error(in:for:)`).
    public static func statusCodeName(_ status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 304: return "NotModified"
        case 307: return "TemporaryRedirect"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 412: return "PreconditionFailed"
        default: return String(status)
        }
    }

    /// Whether a 200 answer to `operation` may hide an error in its body: outputs read from
    /// XML, not streamed blobs or strings (which could hold anything).
    private static func mayCarryError(_ operation: OperationModel) -> Bool {
        guard let output = operation.output else { return false }
        guard let payloadName = output.payload, let payload = output.members[payloadName] else { return true }
        return payload.shape.kind != .blob && payload.shape.kind != .string
    }

    /// The error a 200 body holds, nil when the body is empty or a real result.
    /// A whole result (its root closes at the end and is not `<Error>`) is told apart by its
    /// outline alone; everything else is read in full here.
    private static func embeddedError(_ response: HTTPResponse, operation: OperationModel) -> AWSError? {
        if let outline = XMLDocumentOutline(response.body), outline.rootLocalName != "Error" { return nil }
        guard !XMLOutputReader.isBlank(response.body) else { return nil }
        var isError = false
        do {
            try XMLOutputReader.readAnswer(response.body, operationName: operation.name) { reader, root in
                isError = reader.localName(root) == "Error"
                try reader.skipElement(root)
            }
        } catch var error as AWSError {
            error.message += " (the service answered HTTP 200 with a body that cannot be read)"
            error.status = response.status
            error.requestID = response.header("x-amz-request-id")
            error.retryable = true
            return error
        } catch {
            return nil
        }
        guard isError,
            var error = QueryErrorParser.parse(
                response.body, status: 500, headers: response.headers, operation: operation)
        else { return nil }
        error.retryable = true
        return error
    }
}
