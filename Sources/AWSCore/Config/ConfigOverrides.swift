/// Settings given explicitly (command-line flags, client options); they beat everything that
/// the environment and the shared files say.
public struct ConfigOverrides: Sendable {
    public var region: String?
    /// Choosing a profile explicitly also makes the credential chain skip the `AWS_ACCESS_KEY_ID`
    /// variables, as the AWS CLI's `--profile` does.
    public var profile: String?
    public var endpointURL: String?
    public var maxAttempts: Int?
    /// `standard`, `legacy` or `adaptive`.
    public var retryMode: String?
    public var caBundle: String?
    /// Fixed credentials, used before any provider of the chain.
    public var credentials: Credentials?

    public init(
        region: String? = nil, profile: String? = nil, endpointURL: String? = nil,
        maxAttempts: Int? = nil,
        retryMode: String? = nil, caBundle: String? = nil, credentials: Credentials? = nil
    ) {
        self.region = region
        self.profile = profile
        self.endpointURL = endpointURL
        self.maxAttempts = maxAttempts
        self.retryMode = retryMode
        self.caBundle = caBundle
        self.credentials = credentials
    }

    /// These overrides with every setting that `other` gives replacing ours (client options over
    /// command-line flags).
    public func overlaid(by other: ConfigOverrides) -> ConfigOverrides {
        ConfigOverrides(
            region: other.region ?? region, profile: other.profile ?? profile,
            endpointURL: other.endpointURL ?? endpointURL, maxAttempts: other.maxAttempts ?? maxAttempts,
            retryMode: other.retryMode ?? retryMode, caBundle: other.caBundle ?? caBundle,
            credentials: other.credentials ?? credentials)
    }
}
