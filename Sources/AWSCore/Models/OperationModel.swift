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
    /// A `Content-MD5` (or other checksum) must be sent.
    public var checksumRequired = false
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
