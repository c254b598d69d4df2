/// The `rest-xml` protocol of S3 (and of Route 53 and CloudFront, loaded from model files),
/// as botocore's `RestXMLSerializer` and `RestXMLParser` speak it.
///
/// Requests: method and path from the operation's HTTP binding; input members bound to the
/// URI, query string and headers by `RESTRequestBindings`. The body is the `payload` member
/// when the input names one: a blob or string as its raw bytes (S3's `PutObject` `Body`,
/// `PutBucketPolicy` `Policy`), a structure as an XML document whose root is the member's
/// `locationName` (`CreateBucketConfiguration`, `Delete`), namespace declared (see
/// `xmlBody`); an absent payload sends no body. Without a payload, the members left for the
/// body are written under the input's own element: the name and namespace the operation's
/// input reference gives (S3's `SelectObjectContentRequest`), else the input shape's. No `Content-Type` is added, as
/// botocore adds none: a `ContentType` member's header is all there is.
///
/// Responses (`parseResponse`) and errors (`error(in:for:)`) are described where they are
/// read. Client-side S3 rules (addressing, region redirects, `Content-MD5`, the location
/// constraint of `CreateBucket`) are not the protocol's: `AWSClient` applies them.
public struct RESTXMLProtocol: AWSProtocol {
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
        if let payloadName = shape.payload {
            if let payload = shape.members[payloadName], let value = input[payloadName], value != .null {
                body = try Self.payloadBody(value, member: payload, name: payloadName)
            }
        } else if !bindings.bodyMembers.isEmpty {
            body = try Self.xmlBody(
                .object(bindings.bodyMembers),
                rootName: operation.inputLocationName ?? shape.locationName ?? shape.name,
                shape: shape, reference: nil, path: "", rootNamespace: operation.inputXMLNamespace)
        }
        if !body.isEmpty { request.body = .bytes(body) }
        return request
    }

    /// The body for a payload member's value: raw bytes for a blob or string, else XML.
    private static func payloadBody(_ value: JSONValue, member: ShapeMember, name: String) throws -> [UInt8] {
        guard member.shape.kind == .blob || member.shape.kind == .string else {
            return try xmlBody(
                value, rootName: member.locationName ?? member.shape.locationName ?? member.shape.name,
                shape: member.shape, reference: member, path: name)
        }
        guard let bytes = value.inputBytes else { throw AWSError.invalidInputValue(name, "expected a string of bytes") }
        return bytes
    }
}
