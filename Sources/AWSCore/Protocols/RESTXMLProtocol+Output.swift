import OrderedCollections

extension RESTXMLProtocol {
    /// The operation's output, as botocore's `RestXMLParser` reads it: header and status-code
    /// members by `RESTResponseBindings`, then the body.
    ///
    /// - A blob payload (S3's `GetObject` `Body`) is the whole body as `.binary`; a string
    ///   payload (`GetBucketPolicy` `Policy`) the body as text.
    /// - A structure payload is read from the root element by `XMLShapeDecoder` (an empty body
    ///   gives an empty table, as in botocore).
    /// - Otherwise the other members are read from the root element (`ListBucketResult`,
    ///   flattened `Contents` and `CommonPrefixes` included); an empty body gives none.
    /// - `GetBucketLocation` answers `<LocationConstraint>eu-west-1</LocationConstraint>`: the
    ///   root element is the member itself (botocore's `parse_get_bucket_location` handler);
    ///   empty for us-east-1, and then the member is absent.
    ///
    /// `ResponseMetadata` holds `RequestId` (`x-amzn-RequestId` or `x-amz-request-id`) and
    /// `HostId` (`x-amz-id-2`) when the response has them. A body that is not XML is an
    /// `XMLParseError`, a value that does not read as its type a `ResponseParseError`.
    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output {
            let located = RESTResponseBindings.members(of: shape, in: response)
            let fromBody: OrderedDictionary<String, JSONValue>
            do {
                fromBody = try bodyMembers(response, shape: shape, operation: operation)
            } catch var error as AWSError {
                error.status = response.status
                error.requestID = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
                error.service = metadata.serviceID
                error.operation = operation.name
                throw error
            }
            for name in shape.members.keys {
                if let value = located[name] ?? fromBody[name] { output[name] = value }
            }
        }
        JSONProtocol.addResponseMetadata(&output, response)
        if let hostID = response.header("x-amz-id-2"), !hostID.isEmpty,
            var responseMetadata = output["ResponseMetadata"]?.objectValue
        {
            responseMetadata["HostId"] = .string(hostID)
            output["ResponseMetadata"] = .object(responseMetadata)
        }
        return .object(output)
    }

    private func bodyMembers(
        _ response: HTTPResponse, shape: Shape, operation: OperationModel
    ) throws -> OrderedDictionary<String, JSONValue> {
        if let payloadName = shape.payload, let payload = shape.members[payloadName] {
            switch payload.shape.kind {
            case .blob:
                return [payloadName: .binary(response.body)]
            case .string:
                return [payloadName: .string(String(decoding: response.body, as: UTF8.self))]
            default:
                guard let root = try Self.xmlRoot(of: response, operation: operation) else {
                    return [payloadName: .object([:])]
                }
                return [payloadName: try XMLShapeDecoder().decode(root, as: payload.shape)]
            }
        }
        guard let root = try Self.xmlRoot(of: response, operation: operation) else { return [:] }
        if operation.name == "GetBucketLocation", shape.members["LocationConstraint"] != nil {
            return root.text.isEmpty ? [:] : ["LocationConstraint": .string(root.text)]
        }
        return try XMLShapeDecoder().decode(root, as: shape).objectValue ?? [:]
    }

    /// The root element of the body, nil when the body is empty (or only whitespace).
    static func xmlRoot(of response: HTTPResponse, operation: OperationModel) throws -> XMLElement? {
        guard response.body.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return nil }
        do {
            return try XMLElement(parsing: response.body)
        } catch var error as AWSError {
            error.message = "the \(operation.name) response is not XML: " + error.message
            throw error
        }
    }
}
