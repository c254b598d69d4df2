import OrderedCollections

/// The `smithy-rpc-v2-cbor` protocol: every operation is a `POST` to
/// `/service/<targetPrefix>/operation/<Operation>` with `smithy-protocol: rpc-v2-cbor` and
/// `Accept: application/cbor`; the input, when the operation has one, is a CBOR map
/// (`Content-Type: application/cbor`) written by `CBORWriter`, and the output a CBOR map read
/// by `CBORReader`, members by their wire names as the json protocol reads them (an empty
/// body is an empty result). Errors carry `__type` (cleaned as json errors are) and
/// `message` in a CBOR body; query-compatible services also send `x-amzn-query-mode` and
/// have their query codes read from `x-amzn-query-error`.
public struct RPCv2CBORProtocol: AWSProtocol {
    public let metadata: ServiceMetadata

    public init(metadata: ServiceMetadata) {
        self.metadata = metadata
    }

    public func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        let service = metadata.targetPrefix ?? metadata.serviceID
        var url = endpoint
        url.path =
            (endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path)
            + "/service/\(service)/operation/\(operation.name)"
        url.query = nil
        var headers: [(name: String, value: String)] = [("smithy-protocol", "rpc-v2-cbor")]
        var body: HTTPRequest.Body = .none
        if let shape = operation.input {
            var writer = CBORWriter()
            try writer.write(input.objectValue == nil ? .object([:]) : input, shape: shape, member: nil, path: "")
            body = .bytes(writer.bytes)
            headers.append(("Content-Type", "application/cbor"))
        }
        headers.append(("Accept", "application/cbor"))
        if metadata.awsQueryCompatible { headers.append(("x-amzn-query-mode", "true")) }
        return HTTPRequest(method: "POST", url: url.description, headers: headers, body: body)
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        guard response.status >= 300 else { return nil }
        var error = AWSError(
            code: String(response.status), message: "", status: response.status,
            requestID: response.header("x-amzn-requestid"), operation: operation.name)
        if let object = try? CBORReader.read(response.body).objectValue {
            if let code = object["__type"]?.stringValue { error.code = JSONProtocol.cleanErrorCode(code) }
            error.message = object["message"]?.stringValue ?? object["Message"]?.stringValue ?? ""
            if let shape = JSONProtocol.modeledErrorShape(error.code, in: operation) {
                error.fields = Dictionary(
                    uniqueKeysWithValues: JSONProtocol.outputMembers(object, shape: shape).map { ($0.key, $0.value) })
            }
        } else if !response.body.isEmpty {
            error.message = "the service answered HTTP \(response.status) with a body that is not CBOR"
        }
        if error.message.isEmpty { error.message = "the service answered HTTP \(response.status) (\(error.code))" }
        JSONProtocol.applyQueryError(&error, response, operation: operation)
        error.service = metadata.serviceID
        return error
    }

    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output, !response.body.isEmpty {
            let body: JSONValue
            do {
                body = try CBORReader.read(response.body)
            } catch var error as AWSError {
                error.status = response.status
                error.operation = operation.name
                error.service = metadata.serviceID
                throw error
            }
            output = JSONProtocol.outputMembers(body.objectValue ?? [:], shape: shape)
        }
        JSONProtocol.addResponseMetadata(&output, response)
        return .object(output)
    }
}
