/// The `metadata` block of a service model.
public struct ServiceMetadata: Sendable {
    public var apiVersion: String
    public var endpointPrefix: String
    /// `query`, `rest-xml`, `json`, `rest-json` or `ec2`.
    public var protocolName: String
    public var jsonVersion: String?
    public var targetPrefix: String?
    /// The SDK's service id (`S3`, `Glue`, `IAM`, `STS`): names endpoint settings.
    public var serviceID: String
    public var serviceFullName: String
    /// The SigV4 signing name, when it differs from the endpoint prefix.
    public var signingName: String?
    public var signatureVersion: String?
    /// Set for global services (IAM): the one endpoint host.
    public var globalEndpoint: String?
    public var xmlNamespace: String?
    /// The `protocols` a newer model lists (`["json", "query"]`), empty when it names one.
    public var protocols: [String] = []
    /// Set for services that moved from query to json (`awsQueryCompatible`, SQS): requests
    /// carry `x-amzn-query-mode: true` and errors their query code in `x-amzn-query-error`.
    public var awsQueryCompatible = false

    /// The name requests are signed for.
    public var signingService: String { signingName ?? endpointPrefix }
}
