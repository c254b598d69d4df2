import OrderedCollections

/// The `json` protocol (Glue speaks its 1.1 version): every operation is a `POST` to the
/// endpoint's path with `X-Amz-Target: <targetPrefix>.<Operation>` and
/// `Content-Type: application/x-amz-json-<jsonVersion>`, the input as a JSON body (`{}` when
/// there is none) and the output as a JSON body. Errors are read by `readError` (body `__type`,
/// then the `X-Amzn-ErrorType` header). Services that moved from the query protocol
/// (`awsQueryCompatible`, SQS) also send `x-amzn-query-mode: true`.
public struct JSONProtocol: AWSProtocol {
    public let metadata: ServiceMetadata

    public init(metadata: ServiceMetadata) {
        self.metadata = metadata
    }

    public func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        guard let targetPrefix = metadata.targetPrefix else {
            throw AWSError(
                code: "InvalidModel", message: "the service model of \(metadata.serviceID) has no targetPrefix")
        }
        var body = Array("{}".utf8)
        if let shape = operation.input, let members = input.objectValue {
            body = try Self.wireBody(members, shape: shape)
        }
        var headers = [
            ("X-Amz-Target", "\(targetPrefix).\(operation.name)"),
            ("Content-Type", "application/x-amz-json-\(metadata.jsonVersion ?? "1.0")"),
        ]
        if metadata.awsQueryCompatible { headers.append(("x-amzn-query-mode", "true")) }
        return HTTPRequest(
            method: operation.httpMethod, url: endpoint.description, headers: headers,
            body: .bytes(body))
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        Self.readError(response, operation: operation, order: .bodyFirst)
    }

    /// The output members found in the body, plus `ResponseMetadata.RequestId` from the
    /// `x-amzn-RequestId` header. A body that is not JSON is an `InvalidResponse` error.
    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        try parsedByReading(response, for: operation)
    }

    /// The output read in one pass (`JSONOutputReader`), straight into `builder`.
    public func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws {
        if let shape = operation.output {
            try Self.readBody(response, operation: operation, releasingPages: extras.releasesBody) { reader in
                try reader.readMembers(of: shape, skippingLocated: false, into: &builder)
            }
        }
        try extras.feed(response, shape: operation.output, into: &builder)
    }

    /// Runs `read` over the body unless it is blank (then returns false): a body that is not
    /// JSON, or (when `read` returns false) not a JSON object, is an `InvalidResponse` error.
    /// `releasingPages`: nothing reads the body after this (see `ResponseExtras.releasesBody`).
    @discardableResult
    static func readBody(
        _ response: HTTPResponse, operation: OperationModel, releasingPages: Bool = false,
        _ read: (inout JSONOutputReader) throws -> Bool
    ) throws -> Bool {
        let isObject: Bool? = try response.body.withUnsafeBufferPointer { bytes in
            var reader = JSONOutputReader(bytes, releasingPages: releasingPages)
            if reader.isBlank { return nil }
            do {
                return try read(&reader)
            } catch let decodeError as AWSError where decodeError.code == "JSONDecodeError" {
                throw AWSError(
                    code: "InvalidResponse",
                    message: "the response to \(operation.name) is not valid JSON: \(decodeError.message)",
                    status: response.status, requestID: response.header("x-amzn-requestid"), operation: operation.name)
            }
        }
        guard let isObject else { return false }
        guard isObject else {
            throw AWSError(
                code: "InvalidResponse", message: "the response to \(operation.name) is not a JSON object",
                status: response.status, requestID: response.header("x-amzn-requestid"), operation: operation.name)
        }
        return true
    }

    /// Adds `ResponseMetadata: {RequestId}` when the response names its request.
    static func addResponseMetadata(_ output: inout OrderedDictionary<String, JSONValue>, _ response: HTTPResponse) {
        guard let requestID = ResponseExtras.requestID(response) else { return }
        output["ResponseMetadata"] = .object(["RequestId": .string(requestID)])
    }
}
