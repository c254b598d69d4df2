import FoundationEssentials

/// A client for one AWS service, driven by its model: any operation, validated, serialized by
/// the service's wire protocol, signed, sent with retries, and its answer parsed.
///
/// Operations are named as the API names them (`CreateCrawler`); input and output are
/// `JSONValue`s shaped like the operation's input and output (see `AWSProtocol`).
/// A client belongs to one thread (one Lua state).
public final class AWSClient {
    /// The name the client was made with (`glue`, `s3`), for errors and logs.
    public let serviceName: String
    public let model: ServiceModel
    public let region: String
    public internal(set) var endpoint: ServiceEndpoint
    /// FIPS, dual-stack and S3 settings for the endpoint rules.
    public var endpointSettings: EndpointSettings {
        didSet {
            builtInParameterCache = [:]
            inputFreeEndpoints = [:]
        }
    }
    /// The configured endpoint URL (an emulator, a VPC endpoint) and where it came from.
    let customEndpointURL: String?
    let customEndpointSource: String?
    let regionSource: String?
    let credentials: CredentialsProvider
    let wireProtocol: AWSProtocol
    let transport: HTTPTransport
    var retryPolicy: RetryPolicy
    /// Where requests and responses are logged, if anywhere.
    public var debugLog: DebugLog? {
        didSet {
            retryPolicy.debugLog = debugLog
            (transport as? CurlTransport)?.debugLog = debugLog
        }
    }
    public var connectTimeout: Double = 60
    public var readTimeout: Double = 60
    public var caBundle: String?
    /// When request checksums are computed and response checksums checked.
    public var checksums: ChecksumSettings
    /// Endpoints the rules gave, by their parameters (as botocore's resolver caches them).
    let resolvedEndpoints = EndpointCache()
    /// The endpoint rules' built-in parameters by region, from `endpointSettings`.
    var builtInParameterCache: [String: [String: JSONValue]] = [:]
    /// Endpoints of operations whose input sets no rule parameter (no context parameters), by
    /// operation and region: they depend on nothing else than `endpointSettings`, which
    /// empties this when it changes, so a call finds its endpoint without building the
    /// parameters. Bounded by the model's operations times the regions called.
    var inputFreeEndpoints: [InputFreeEndpointKey: ServiceEndpoint] = [:]
    /// Regions of S3 buckets learnt from wrong-region answers, so each is followed only once.
    var bucketRegions: [String: String] = [:]
    /// The signing clock; replaceable in tests.
    public var now: () -> Date = Date.init
    /// Asked between attempts and while waiting: true stops the call with `Cancelled`.
    public var isCancelled: () -> Bool = { false }

    public init(
        serviceName: String, model: ServiceModel, configuration: AWSConfiguration,
        transport: HTTPTransport? = nil, debugLog: DebugLog? = nil
    ) throws {
        self.serviceName = serviceName
        self.model = model
        self.region = configuration.region
        self.endpoint = try ServiceEndpoint.resolve(
            metadata: model.metadata, region: configuration.region, customURL: configuration.endpointURL)
        self.endpointSettings = configuration.endpoints
        self.customEndpointURL = configuration.endpointURL
        self.customEndpointSource = configuration.endpointURLSource
        self.regionSource = configuration.regionSource
        self.credentials = configuration.credentials
        self.wireProtocol = try ProtocolRegistry.make(for: model)
        self.transport = try transport ?? CurlTransport(userAgent: AWSClient.userAgent, debugLog: debugLog)
        self.retryPolicy = RetryPolicy(
            mode: configuration.retry.mode, maxAttempts: configuration.retry.maxAttempts, quota: RetryQuota(),
            debugLog: debugLog)
        self.debugLog = debugLog
        self.caBundle = configuration.caBundle
        self.checksums = configuration.checksums
        self.retryPolicy.sleep = { [unowned self] seconds in self.sleepBetweenAttempts(seconds) }
    }

    /// Waits between attempts in short slices, so a cancelled call stops at once.
    func sleepBetweenAttempts(_ seconds: Double) {
        var left = seconds
        while left > 0 && !isCancelled() {
            RetryPolicy.systemSleep(min(left, 0.05))
            left -= 0.05
        }
    }

    /// Sent as `User-Agent`.
    public static let userAgent = "gluescript/0.1.0"

    /// The operation called `name` (the API's name, `ListObjectsV2`).
    public func operation(_ name: String) throws -> OperationModel {
        guard let operation = try model.operations.named(name) else {
            throw AWSError(
                code: "UnknownOperation", message: "\(serviceName) has no operation \(QuotedValue.shortened(name))",
                service: serviceName)
        }
        return operation
    }
}
