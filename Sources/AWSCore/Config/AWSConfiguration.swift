/// Everything a client needs from configuration, resolved for one service.
public struct AWSConfiguration: Sendable {
    public var profile: String
    public var region: String
    /// A custom endpoint, or nil for the service's own.
    public var endpointURL: String?
    public var retry: RetrySettings
    public var caBundle: String?
    public var credentials: CredentialsProvider
    /// When request checksums are computed and response checksums checked.
    public var checksums = ChecksumSettings()
    /// FIPS, dual-stack and S3 settings for the endpoint rules.
    public var endpoints = EndpointSettings()
    /// Where `endpointURL` came from, for errors.
    public var endpointURLSource: String?
    /// Where `region` came from, for errors.
    public var regionSource: String?

    public init(
        profile: String, region: String, endpointURL: String?, retry: RetrySettings, caBundle: String?,
        credentials: CredentialsProvider
    ) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.retry = retry
        self.caBundle = caBundle
        self.credentials = credentials
    }
}

extension ConfigResolver {
    /// The configuration of a client for the service with `serviceID` (`S3`, `Glue`, `IAM`).
    ///
    /// `defaultRegion` is used when no region is configured (a global service such as IAM passes
    /// `us-east-1`); without it a missing region is an error `NoRegion`. Credentials are not
    /// looked up yet: `credentials` (by default this configuration's chain) is asked when a
    /// request is signed. Invalid retry settings are an error `InvalidConfiguration`.
    public func configuration(
        serviceID: String, httpClient: CredentialHTTPClient, defaultRegion: String? = nil,
        credentials: CredentialsProvider? = nil
    ) throws -> AWSConfiguration {
        let region: String
        let found = configuredRegion
        if let configured = found?.value ?? defaultRegion {
            region = configured
        } else {
            region = try self.region()
        }
        let endpoint = endpointURL(serviceID: serviceID)
        var configuration = AWSConfiguration(
            profile: profileName.value, region: region,
            endpointURL: endpoint?.value,
            retry: try retrySettings(), caBundle: caBundle,
            credentials: credentials ?? credentialChain(httpClient: httpClient))
        configuration.checksums = try checksumSettings()
        configuration.endpointURLSource = endpoint?.source
        configuration.regionSource = found?.source ?? "the default for \(serviceID)"
        configuration.endpoints = try endpointSettings()
        return configuration
    }
}
