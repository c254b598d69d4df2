import OrderedCollections

/// The query protocol of IAM and STS (`metadata.protocol == "query"`), and EC2's variant of it
/// (`ec2`).
///
/// Requests are `POST`s of a form (`Action=Op&Version=apiVersion&...`) to the endpoint's
/// path, fields named as `QueryFormEncoder` describes. Responses are
/// `<OpResponse><OpResult>...</OpResult><ResponseMetadata>...` and are read from the
/// result wrapper by `XMLOutputReader` in one pass, with `ResponseMetadata` (`RequestId`,
/// `HTTPStatusCode`) added as boto3 does and IAM's URL-encoded policy documents decoded.
/// An empty body is an empty result.
/// Errors are `<ErrorResponse>` bodies, read by `QueryErrorParser`.
public struct QueryProtocol: AWSProtocol {
    public static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// The API version sent as `Version` (`2010-05-08` for IAM).
    public var apiVersion: String
    /// Named in errors (`AWSError.service`).
    public var serviceID: String?

    /// Speaks the `ec2` variant: fields named as `QueryFormEncoder` describes for it, answers
    /// without a result wrapper, `requestId` at their root.
    public var ec2 = false

    public init(apiVersion: String, serviceID: String? = nil, ec2: Bool = false) {
        self.apiVersion = apiVersion
        self.serviceID = serviceID
        self.ec2 = ec2
    }

    public init(metadata: ServiceMetadata, ec2: Bool = false) {
        self.init(apiVersion: metadata.apiVersion, serviceID: metadata.serviceID, ec2: ec2)
    }

    public func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        let body = Array(try formBody(operation, input: input).utf8)
        return HTTPRequest(
            method: "POST", url: endpoint.description,
            headers: [("Content-Type", QueryProtocol.contentType)], body: .bytes(body))
    }

    /// The form body: `Action` and `Version`, then the input's fields, keys and values
    /// percent-encoded (RFC 3986, as botocore does).
    public func formBody(_ operation: OperationModel, input: JSONValue) throws -> String {
        var encoder = QueryFormEncoder(ec2: ec2)
        if let shape = operation.input { try encoder.encode(input, as: shape) }
        let fields = [("Action", operation.name), ("Version", apiVersion)] + encoder.fields.map { ($0.key, $0.value) }
        return fields.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        guard response.status >= 300 else { return nil }
        var error = QueryErrorParser.error(in: response, operation: operation)
        error.service = serviceID
        return error
    }

    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        try parsedByReading(response, for: operation)
    }

    /// Feeds the output read in one pass (`XMLOutputReader`) from the result wrapper (or
    /// the root, without one), then `ResponseMetadata`: the body's (`RequestId`), else the
    /// request id header, and the status.
    public func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws {
        var metadata = QueryResponseMetadata()
        if !XMLOutputReader.isBlank(response.body) {
            do {
                try XMLOutputReader.readAnswer(
                    response.body, operationName: operation.name, decodesPolicyDocuments: true
                ) { reader, root in
                    guard let shape = operation.output, operation.resultWrapper == nil else {
                        return try metadata.read(
                            root, result: operation.output, wrapper: operation.resultWrapper, reader: &reader,
                            into: &builder)
                    }
                    try reader.readMembers(root, of: shape, into: &builder)
                    try reader.reread(at: root.start) { reader, root in
                        try metadata.read(root, result: nil, wrapper: nil, reader: &reader, into: &builder)
                    }
                }
            } catch var error as AWSError where error.code == "XMLParseError" {
                error.status = response.status
                error.service = serviceID
                error.operation = operation.name
                throw error
            }
        }
        try extras.feed(response, shape: operation.output, metadata: metadata.members(response), into: &builder)
    }
}

/// What a query answer's root holds besides the result: `<ResponseMetadata>` (each child's
/// text by its local name) and EC2's `<requestId>`.
private struct QueryResponseMetadata {
    var body: OrderedDictionary<String, JSONValue>?
    var requestID: String?

    /// Reads the children of the root element `root` to its end: the first `wrapper` element
    /// as the members of `result`, the first `ResponseMetadata` and `requestId`; the rest is
    /// skipped.
    mutating func read<B: ResultBuilder>(
        _ root: XMLOutputReader.Tag, result: Shape?, wrapper: String?, reader: inout XMLOutputReader,
        into builder: inout B
    ) throws {
        guard !root.selfClosing else { return }
        let wrapperName = wrapper.map { Array($0.utf8) }
        var wrapperRead = false
        while let child = try reader.nextChild() {
            if let wrapperName, let result, !wrapperRead, reader.hasLocalName(child, wrapperName) {
                wrapperRead = true
                try reader.readMembers(child, of: result, into: &builder)
            } else if body == nil, reader.hasLocalName(child, Self.metadataName) {
                var members: OrderedDictionary<String, JSONValue> = [:]
                if !child.selfClosing {
                    while let item = try reader.nextChild() {
                        let name = reader.localName(item)
                        members[name] = .string(try reader.readString(item))
                    }
                    try reader.closeElement()
                }
                body = members
            } else if requestID == nil, reader.hasLocalName(child, Self.requestIDName) {
                requestID = try reader.readString(child)
            } else {
                try reader.skipElement(child)
            }
        }
        try reader.closeElement()
    }

    private static let metadataName = Array("ResponseMetadata".utf8)
    private static let requestIDName = Array("requestId".utf8)

    /// `RequestId` from the body, else from the headers, then `HTTPStatusCode`.
    func members(_ response: HTTPResponse) -> OrderedDictionary<String, JSONValue> {
        var metadata = body ?? [:]
        if metadata["RequestId"] == nil, let requestID { metadata["RequestId"] = .string(requestID) }
        if metadata["RequestId"] == nil,
            let id = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        {
            metadata["RequestId"] = .string(id)
        }
        metadata["HTTPStatusCode"] = .integer(Int64(response.status))
        return metadata
    }
}
