/// One operation of a service: its HTTP binding, input and output shapes and errors.
public struct OperationModel {
    public let name: String
    public var httpMethod: String
    /// The request URI template, e.g. `/{Bucket}/{Key+}?uploads`.
    public var requestURI: String
    /// The HTTP status of a success, when the model gives one.
    public var responseCode: Int?
    public var input: Shape?
    /// The root element's name and namespace of an XML request body, when the operation's
    /// input reference names them (S3's `SelectObjectContentRequest`); they win over the shape's.
    public var inputLocationName: String?
    public var inputXMLNamespace: XMLNamespace?
    public var output: Shape?
    /// The element wrapping the output in query-protocol responses (`CreateRoleResult`).
    public var resultWrapper: String?
    public var errors: [Shape] = []
    /// A checksum of the body must be sent (`httpChecksumRequired`, or `httpChecksum`'s
    /// `requestChecksumRequired`).
    public var checksumRequired = false
    /// The input member naming the flexible checksum algorithm (`httpChecksum`'s
    /// `requestAlgorithmMember`, S3's `ChecksumAlgorithm`).
    public var checksumAlgorithmMember: String?
    /// The input member asking for the response's checksum (`requestValidationModeMember`,
    /// S3's `ChecksumMode`), and the algorithms the response may carry.
    public var checksumValidationMember: String?
    public var responseChecksumAlgorithms: [String] = []
    /// `none` (unsigned) or `v4-unsigned-body`, when the operation differs from the service.
    public var authType: String?
    /// A prefix for the endpoint host, with `{Label}` members (`endpoint.hostPrefix`).
    public var hostPrefix: String?
    public var deprecated = false
    /// Endpoint rule parameters this operation always sets (`staticContextParams`).
    public var staticContextParams: [String: JSONValue] = [:]
    /// The first sentence of the API's documentation of the operation, when the model has it.
    public var documentation: String?
}
