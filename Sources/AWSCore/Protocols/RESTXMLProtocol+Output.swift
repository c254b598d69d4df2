import OrderedCollections

extension RESTXMLProtocol {
    /// The operation's output, as botocore's `RestXMLParser` reads it (see `readResponse`).
    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        try parsedByReading(response, for: operation)
    }

    /// Feeds the operation's output in one pass over the body (`XMLOutputReader`), then the
    /// header and status-code members (`RESTResponseBindings`, which win over body members).
    ///
    /// - A blob payload (S3's `GetObject` `Body`) is the whole body as `.binary`; a string
    ///   payload (`GetBucketPolicy` `Policy`) the body as text.
    /// - A structure payload is read from the root element (an empty body gives an empty
    ///   table, as in botocore).
    /// - Otherwise the other members are read from the root element (`ListBucketResult`,
    ///   flattened `Contents` and `CommonPrefixes` included); an empty body gives none.
    /// - `GetBucketLocation` answers `<LocationConstraint>eu-west-1</LocationConstraint>`: the
    ///   root element is the member itself (botocore's `parse_get_bucket_location` handler);
    ///   empty for us-east-1, and then the member is absent.
    ///
    /// `ResponseMetadata` holds `RequestId` (`x-amzn-RequestId` or `x-amz-request-id`) and
    /// `HostId` (`x-amz-id-2`) when the response has them. A body that is not XML is an
    /// `XMLParseError`, a value that does not read as its type a `ResponseParseError`.
    public func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws {
        if let shape = operation.output {
            do {
                try readBody(response, shape: shape, operation: operation, into: &builder)
            } catch var error as AWSError {
                error.status = response.status
                error.requestID = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
                error.service = metadata.serviceID
                error.operation = operation.name
                throw error
            }
            for (name, value) in RESTResponseBindings.members(of: shape, in: response) {
                try builder.key(name, modelOrder: shape.members.index(forKey: name))
                try builder.value(value)
            }
        }
        var responseMetadata: OrderedDictionary<String, JSONValue>?
        if let requestID = ResponseExtras.requestID(response) {
            responseMetadata = ["RequestId": .string(requestID)]
            if let hostID = response.header("x-amz-id-2"), !hostID.isEmpty {
                responseMetadata?["HostId"] = .string(hostID)
            }
        }
        try extras.feed(response, shape: operation.output, metadata: responseMetadata, into: &builder)
    }

    private func readBody<B: ResultBuilder>(
        _ response: HTTPResponse, shape: Shape, operation: OperationModel, into builder: inout B
    ) throws {
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
                guard !XMLOutputReader.isBlank(response.body) else {
                    try builder.beginObject()
                    return try builder.endObject()
                }
                try XMLOutputReader.readAnswer(response.body, operationName: operation.name) { reader, root in
                    try reader.readValue(root, as: payload.shape, flattened: false, into: &builder)
                }
            }
            return
        }
        guard !XMLOutputReader.isBlank(response.body) else { return }
        try XMLOutputReader.readAnswer(response.body, operationName: operation.name) { reader, root in
            if operation.name == "GetBucketLocation", let order = shape.members.index(forKey: "LocationConstraint") {
                let text = try reader.readString(root)
                guard !text.isEmpty else { return }
                try builder.key("LocationConstraint", modelOrder: order)
                try builder.string(text)
            } else {
                try reader.readMembers(root, of: shape, into: &builder)
            }
        }
    }
}
