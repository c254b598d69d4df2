import AWSCore
import Foundation
import Host

/// What one Lua state's `aws` module knows across calls: the command line's settings, those a
/// script set with `aws.config{...}`, and credential chains shared by every client of a
/// profile (so `credential_process` runs once, not once per client).
final class Session {
    var flags: ConfigOverrides
    var scriptSettings = ConfigOverrides()
    var debug: Bool
    let environment: AWSEnvironment
    /// The service models this state has loaded.
    let models = ModelRegistry()
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
            httpClient: try transportForCredentials(), assumeRole: try assumeRoleProvider(for: resolver, depth: 0))
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
            var sourceOverrides = resolver.overrides
            sourceOverrides.profile = sourceProfile
            sourceOverrides.credentials = nil
            let sourceResolver = try ConfigResolver(environment: environment, overrides: sourceOverrides)
            sourceCredentials = CredentialProviderChain(
                providers: sourceResolver.defaultCredentialProviders(
                    httpClient: try transportForCredentials(),
                    assumeRole: try assumeRoleProvider(for: sourceResolver, depth: depth + 1)))
        } else {
            sourceCredentials = resolver.credentialChain(httpClient: try transportForCredentials())
        }
        // STS is reached where the session sends everything (--endpoint-url, AWS_ENDPOINT_URL_STS),
        // never at the endpoint a single client was given for its own service.
        var stsOverrides = resolver.overrides
        stsOverrides.endpointURL = overrides().endpointURL
        let stsResolver = try ConfigResolver(environment: environment, overrides: stsOverrides)
        let configuration = try stsResolver.configuration(
            serviceID: "STS", httpClient: try transportForCredentials(), defaultRegion: "us-east-1",
            credentials: sourceCredentials)
        let sts = try AWSClient(
            serviceName: "sts", model: try models.model(for: "sts"), configuration: configuration, debugLog: debugLog)
        return CachingCredentialsProvider(wrapping: AssumeRoleCredentialsProvider(settings: settings, sts: sts))
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
