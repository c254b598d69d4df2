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
        var body: JSONValue = .object([:])
        if let shape = operation.input, let members = input.objectValue {
            body = try Self.wireStructure(members, shape: shape, path: "")
        }
        var headers = [
            ("X-Amz-Target", "\(targetPrefix).\(operation.name)"),
            ("Content-Type", "application/x-amz-json-\(metadata.jsonVersion ?? "1.0")"),
        ]
        if metadata.awsQueryCompatible { headers.append(("x-amzn-query-mode", "true")) }
        return HTTPRequest(
            method: operation.httpMethod, url: endpoint.description, headers: headers,
            body: .bytes(try JSONEncoding.encode(body, options: .base64Binary)))
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        Self.readError(response, operation: operation, order: .bodyFirst)
    }

    /// The output members found in the body, plus `ResponseMetadata.RequestId` from the
    /// `x-amzn-RequestId` header. A body that is not JSON is an `InvalidResponse` error.
    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output {
            output = Self.outputMembers(try Self.bodyObject(response, operation: operation), shape: shape)
        }
        Self.addResponseMetadata(&output, response)
        return .object(output)
    }

    /// The body read as a JSON object; an empty body is an empty object.
    static func bodyObject(_ response: HTTPResponse, operation: OperationModel) throws -> OrderedDictionary<
        String, JSONValue
    > {
        guard response.body.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return [:] }
        let body: JSONValue
        do {
            body = try JSONDecoding.decode(response.body)
        } catch let decodeError as AWSError {
            throw AWSError(
                code: "InvalidResponse",
                message: "the response to \(operation.name) is not valid JSON: \(decodeError.message)",
                status: response.status, requestID: response.header("x-amzn-requestid"), operation: operation.name)
        }
        guard let object = body.objectValue else {
            throw AWSError(
                code: "InvalidResponse", message: "the response to \(operation.name) is not a JSON object",
                status: response.status, requestID: response.header("x-amzn-requestid"), operation: operation.name)
        }
        return object
    }

    /// Adds `ResponseMetadata: {RequestId}` when the response names its request.
    static func addResponseMetadata(_ output: inout OrderedDictionary<String, JSONValue>, _ response: HTTPResponse) {
        guard let requestID = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id") else { return }
        output["ResponseMetadata"] = .object(["RequestId": .string(requestID)])
    }
}
