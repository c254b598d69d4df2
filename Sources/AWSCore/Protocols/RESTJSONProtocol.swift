import OrderedCollections

/// The `rest-json` protocol, for services loaded from a model file (Lambda, API Gateway, ...):
/// input members bound to the URI, query string and headers by `RESTRequestBindings`, the rest
/// sent as a JSON body; or, when the input names a `payload` member, that member alone as the
/// body (a structure as JSON, a blob or string as raw bytes). `Content-Type: application/json`
/// goes with JSON bodies. Output reads header and status members with `RESTResponseBindings`
/// and the body (or payload member) as JSON. Errors as the json protocol reads them, the
/// `X-Amzn-ErrorType` header first, then the body's `code`.
public struct RESTJSONProtocol: AWSProtocol {
    public let metadata: ServiceMetadata

    public init(metadata: ServiceMetadata) {
        self.metadata = metadata
    }

    public func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        let bindings = try RESTRequestBindings(operation: operation, input: input)
        var request = HTTPRequest(
            method: operation.httpMethod, url: bindings.url(on: endpoint), headers: bindings.headers)
        guard let shape = operation.input else { return request }

        var body: [UInt8] = []
        var isJSON = true
        if let payloadName = shape.payload, let payload = shape.members[payloadName] {
            let value = input[payloadName] ?? .null
            if payload.shape.kind == .blob || payload.shape.kind == .string {
                isJSON = false
                if value != .null {
                    guard let bytes = value.inputBytes else {
                        throw AWSError.invalidInputValue(payloadName, "expected a string of bytes")
                    }
                    body = bytes
                }
            } else {
                if value == .null {
                    body = Array("{}".utf8)
                } else {
                    var writer = JSONInputWriter()
                    try writer.writeValue(value, shape: payload.shape, member: payload, path: InputPath.root.member(payloadName))
                    body = writer.output
                }
            }
        } else if !bindings.bodyMembers.isEmpty || shape.members.values.contains(where: { $0.location == nil }) {
            body = try JSONProtocol.wireBody(bindings.bodyMembers, shape: shape)
        }
        if !body.isEmpty {
            request.body = .bytes(body)
            if isJSON && request.header("Content-Type") == nil {
                request.headers.append(("Content-Type", "application/json"))
            }
        }
        return request
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        JSONProtocol.readError(response, operation: operation, order: .headerFirst)
    }

    /// Header and status members, then the body: the payload member (raw bytes for a blob,
    /// text for a string, JSON for a structure) or the other members read from a JSON body;
    /// `ResponseMetadata.RequestId` from `x-amzn-RequestId` (or `x-amz-request-id`).
    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        try parsedByReading(response, for: operation)
    }

    /// The output read in one pass (`JSONOutputReader`), straight into `builder`; members
    /// from headers and status follow the body's, which they replace.
    public func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws {
        if let shape = operation.output {
            if let payloadName = shape.payload, let payload = shape.members[payloadName] {
                let order = shape.members.index(forKey: payloadName)
                switch payload.shape.kind {
                case .blob:
                    try builder.key(payloadName, modelOrder: order)
                    try builder.binary(response.body)
                case .string:
                    try builder.key(payloadName, modelOrder: order)
                    try builder.string(String(decoding: response.body, as: UTF8.self))
                default:
                    try builder.key(payloadName, modelOrder: order)
                    let read = try JSONProtocol.readBody(
                        response, operation: operation, releasingPages: extras.releasesBody
                    ) { reader in
                        try reader.readValue(of: payload.shape, into: &builder)
                    }
                    if !read, let empty = JSONProtocol.outputValue(.object([:]), shape: payload.shape) {
                        try builder.value(empty)
                    }
                }
            } else {
                try JSONProtocol.readBody(response, operation: operation, releasingPages: extras.releasesBody) {
                    reader in
                    try reader.readMembers(of: shape, skippingLocated: true, into: &builder)
                }
            }
            for (name, value) in RESTResponseBindings.members(of: shape, in: response) {
                try builder.key(name, modelOrder: shape.members.index(forKey: name))
                try builder.value(value)
            }
        }
        try extras.feed(response, shape: operation.output, into: &builder)
    }

}
