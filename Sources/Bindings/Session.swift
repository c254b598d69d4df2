import AWSCore
import FoundationEssentials
import Host

/// What one Lua state's `aws` module knows across calls: the command line's settings, those a
/// script set with `aws.config{...}`, and credential chains shared by every client of a
/// profile (so `credential_process` runs once, not once per client).
final class Session {
    var flags: ConfigOverrides
    var scriptSettings = ConfigOverrides()
    var debug: Bool
    let environment: AWSEnvironment
    /// The service models this state has loaded: built in, or found where botocore looks.
    let models: ModelRegistry
    /// True once Ctrl-C was pressed while this session's state runs a script.
    var isInterrupted: () -> Bool = { false }
    /// `aws.parallel` and the calls it drives, once the module is installed.
    var parallel: ParallelRuntime?
    private var chains: [String: CredentialsProvider] = [:]
    private var metadataTransport: CurlTransport?

    init(defaults: AWSModule.Defaults, environment: AWSEnvironment = .process) {
        flags = ConfigOverrides(
            region: defaults.region, profile: defaults.profile, endpointURL: defaults.endpointURL,
            credentials: defaults.credentials)
        debug = defaults.debug
        self.environment = environment
        models = ModelRegistry(searchPath: ModelSearchPath(environment: environment))
    }

    /// The settings in force: script settings over command-line flags, then `extra` (a
    /// client's own options) over both.
    func overrides(_ extra: ConfigOverrides = ConfigOverrides()) -> ConfigOverrides {
        flags.overlaid(by: scriptSettings).overlaid(by: extra)
    }

    /// A resolver for the settings in force plus `extra`.
    func resolver(_ extra: ConfigOverrides = ConfigOverrides()) throws -> ConfigResolver {
        try ConfigResolver(environment: environment, overrides: overrides(extra))
    }

    /// The credential chain of the resolver's profile, made once per profile and kept.
    func credentials(for resolver: ConfigResolver) throws -> CredentialsProvider {
        if let fixed = resolver.overrides.credentials { return StaticCredentialsProvider(fixed) }
        let key = resolver.profileName.value + (resolver.profileIsExplicit ? " (explicit)" : "")
        if let chain = chains[key] { return chain }
        let chain = resolver.credentialChain(
            httpClient: try transportForCredentials(), assumeRole: try assumeRoleProvider(for: resolver, depth: 0),
            signIn: try signInProviders(for: resolver))
        chains[key] = chain
        return chain
    }

    /// For a profile with `role_arn`: STS AssumeRole with the source profile's credentials
    /// (itself possibly a role), cached until near expiry.
    private func assumeRoleProvider(for resolver: ConfigResolver, depth: Int) throws -> CredentialsProvider? {
        guard let settings = try resolver.assumeRoleSettings(now: Date().timeIntervalSince1970) else { return nil }
        guard depth < 5 else {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "source_profile of \(resolver.profileDescription) leads round in a loop")
        }
        let sourceCredentials: CredentialsProvider
        if let sourceProfile = settings.sourceProfile {
            let sourceResolver = try resolver.sourceProfileResolver(sourceProfile)
            sourceCredentials = CredentialProviderChain(
                providers: sourceResolver.defaultCredentialProviders(
                    httpClient: try transportForCredentials(),
                    assumeRole: try assumeRoleProvider(for: sourceResolver, depth: depth + 1),
                    signIn: try signInProviders(for: sourceResolver)))
        } else {
            sourceCredentials = CredentialProviderChain(providers: [
                try resolver.credentialSourceProvider(
                    named: settings.credentialSource ?? "", httpClient: try transportForCredentials())
            ])
        }
        let sts = try stsClient(for: resolver, credentials: sourceCredentials)
        let mfa = settings.mfaSerial.map { _ in MFACodePrompt(profileDescription: resolver.profileDescription) }
        return CachingCredentialsProvider(
            wrapping: AssumeRoleCredentialsProvider(settings: settings, sts: sts, mfa: mfa))
    }

    /// The wire log when `--debug` or `aws.config{debug=true}` asked for one.
    var debugLog: DebugLog? {
        guard debug else { return nil }
        if let log = sharedDebugLog { return log }
        let log = DebugLog()
        sharedDebugLog = log
        return log
    }
    private var sharedDebugLog: DebugLog?

    /// Forgets cached credential chains (after the profile or credentials settings change).
    func resetCredentials() {
        chains = [:]
    }

    func transportForCredentials() throws -> CurlTransport {
        if let metadataTransport { return metadataTransport }
        let transport = try CurlTransport(userAgent: AWSClient.userAgent)
        metadataTransport = transport
        return transport
    }
}
