/// Credentials of an IAM Identity Center profile (`sso_session` or `sso_start_url`, with
/// `sso_account_id` and `sso_role_name`): the portal's `GetRoleCredentials` for the cached
/// access token. Wrap it in a `CachingCredentialsProvider` (a chain does) so the portal is
/// asked again only near expiry. A token the portal refuses is an error `SSOLoginRequired`
/// naming the profile and the command that signs in again.
public struct SSOCredentialsProvider: CredentialsProvider {
    public let source = "sso"
    public let settings: SSOSettings
    let token: SSOTokenProvider
    let portal: SSOPortalClient

    public init(settings: SSOSettings, token: SSOTokenProvider, portal: SSOPortalClient) {
        self.settings = settings
        self.token = token
        self.portal = portal
    }

    public func credentials() throws -> Credentials {
        let accessToken = try token.accessToken()
        do {
            return try portal.roleCredentials(
                accountID: settings.accountID, roleName: settings.roleName, accessToken: accessToken)
        } catch let error as AWSError where error.code == "UnauthorizedException" {
            throw AWSError(
                code: "SSOLoginRequired",
                message:
                    "IAM Identity Center refused the token of profile \"\(settings.session.profileName)\" "
                    + "(\(error.message)). Sign in again with: \(settings.session.loginHint)",
                status: error.status, service: "sso", operation: "GetRoleCredentials")
        }
    }
}

extension ConfigResolver {
    /// The IAM Identity Center provider of the selected profile, nil when it is not such a
    /// profile. The portal and OIDC endpoints honour `AWS_ENDPOINT_URL_SSO`,
    /// `AWS_ENDPOINT_URL_SSO_OIDC` and the `[services]` section.
    public func ssoCredentialsProvider(httpClient: CredentialHTTPClient) throws -> SSOCredentialsProvider? {
        guard let settings = try ssoSettings() else { return nil }
        return SSOCredentialsProvider(
            settings: settings, token: try ssoTokenProvider(for: settings.session, httpClient: httpClient),
            portal: SSOPortalClient(
                endpoint: try signInEndpoint(
                    serviceID: "SSO", hostPrefix: "portal.sso", region: settings.session.region),
                http: httpClient))
    }

    /// The token provider of `session`, over the home folder's token cache.
    public func ssoTokenProvider(for session: SSOSessionSettings, httpClient: CredentialHTTPClient) throws
        -> SSOTokenProvider
    {
        SSOTokenProvider(
            session: session, cache: SSOTokenCache(environment: environment),
            oidc: try ssoOIDCClient(for: session, httpClient: httpClient))
    }

    /// An SSO-OIDC client for the region of `session`.
    public func ssoOIDCClient(for session: SSOSessionSettings, httpClient: CredentialHTTPClient) throws
        -> SSOOIDCClient
    {
        SSOOIDCClient(
            endpoint: try signInEndpoint(serviceID: "SSO OIDC", hostPrefix: "oidc", region: session.region),
            http: httpClient)
    }
}
