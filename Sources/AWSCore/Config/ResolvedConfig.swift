/// What a client was configured with, for `aws.config()` to show: never the secret key.
public struct ResolvedConfig: Sendable, Equatable {
    public var profile: ConfiguredValue<String>
    public var region: ConfiguredValue<String>?
    public var endpointURL: ConfiguredValue<String>?
    public var retry: RetrySettings
    public var caBundle: String?
    /// Where credentials came from (`environment`, `shared-credentials-file`, ...), if found.
    public var credentialSource: String?
    public var accessKeyID: String?
    public var configFile: String
    public var credentialsFile: String

    public init(
        profile: ConfiguredValue<String>, region: ConfiguredValue<String>?,
        endpointURL: ConfiguredValue<String>?,
        retry: RetrySettings, caBundle: String?, credentialSource: String?, accessKeyID: String?,
        configFile: String, credentialsFile: String
    ) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.retry = retry
        self.caBundle = caBundle
        self.credentialSource = credentialSource
        self.accessKeyID = accessKeyID
        self.configFile = configFile
        self.credentialsFile = credentialsFile
    }
}

extension ConfigResolver {
    /// A summary for the service with `serviceID`; credentials are looked up through
    /// `credentials` when given, and left out when they cannot be found.
    public func summary(serviceID: String, credentials: CredentialsProvider? = nil) throws
        -> ResolvedConfig
    {
        let found = credentials.flatMap { try? $0.credentials() }
        return ResolvedConfig(
            profile: profileName, region: configuredRegion,
            endpointURL: endpointURL(serviceID: serviceID).map {
                ConfiguredValue(Redaction.url($0.value), source: $0.source)
            },
            retry: try retrySettings(), caBundle: caBundle,
            credentialSource: found == nil ? nil : credentials?.source,
            accessKeyID: found?.accessKeyID, configFile: files.configPath,
            credentialsFile: files.credentialsPath)
    }
}
