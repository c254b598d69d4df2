import AWSCore
import FoundationEssentials

extension Session {
    /// The sign-in sources of the resolver's profile, in botocore's order: web identity
    /// (`AssumeRoleWithWebIdentity`, unsigned), then IAM Identity Center. Each reads its
    /// settings only when the chain reaches it.
    func signInProviders(for resolver: ConfigResolver) throws -> [CredentialsProvider] {
        let transport = try transportForCredentials()
        let webIdentity = DeferredCredentialsProvider(
            source: "assume-role-with-web-identity",
            absence: "web identity (AWS_WEB_IDENTITY_TOKEN_FILE and web_identity_token_file are not set)"
        ) { [weak self] in
            guard let self, let settings = try resolver.webIdentitySettings(now: Date().timeIntervalSince1970)
            else { return nil }
            return WebIdentityCredentialsProvider(
                settings: settings, sts: try self.stsClient(for: resolver, credentials: UnsignedCallCredentials()))
        }
        let sso = DeferredCredentialsProvider(
            source: "sso", absence: "IAM Identity Center (the profile has no sso_account_id or sso_role_name)"
        ) {
            try resolver.ssoCredentialsProvider(httpClient: transport)
        }
        return [webIdentity, sso]
    }

    /// An STS client signing with `credentials`, reached where the session sends everything
    /// (`--endpoint-url`, `AWS_ENDPOINT_URL_STS`), never at the endpoint a single client was
    /// given for its own service; us-east-1 when no region is configured.
    func stsClient(for resolver: ConfigResolver, credentials: CredentialsProvider) throws -> AWSClient {
        var stsOverrides = resolver.overrides
        stsOverrides.endpointURL = overrides().endpointURL
        let stsResolver = try ConfigResolver(environment: environment, overrides: stsOverrides)
        let configuration = try stsResolver.configuration(
            serviceID: "STS", httpClient: try transportForCredentials(), defaultRegion: "us-east-1",
            credentials: credentials)
        return try AWSClient(
            serviceName: "sts", model: try models.model(for: "sts"), configuration: configuration, debugLog: debugLog)
    }
}
