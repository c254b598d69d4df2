import FoundationEssentials

/// The access token of an IAM Identity Center sign-in, from the cache `aws sso login` (or
/// `gluescript --sso-login`) wrote. As botocore does for `sso_session` sign-ins, a token within
/// 15 minutes of expiry is refreshed through SSO-OIDC `CreateToken` with its refresh token,
/// and the cache file is written back; if that fails, the old token serves until it expires.
/// The older `sso_start_url` form is never refreshed. No usable token is an error
/// `SSOLoginRequired` naming the profile and the command that signs in again.
public struct SSOTokenProvider: Sendable {
    public static let refreshWindow: Double = 15 * 60

    public let session: SSOSessionSettings
    let cache: SSOTokenCache
    let oidc: SSOOIDCClient
    let now: @Sendable () -> Double

    public init(
        session: SSOSessionSettings, cache: SSOTokenCache, oidc: SSOOIDCClient,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.session = session
        self.cache = cache
        self.oidc = oidc
        self.now = now
    }

    public func accessToken() throws -> String {
        var token = try cache.load(for: session)
        let current = now()
        if session.sessionName != nil, token.expiresAt - current < Self.refreshWindow, token.canRefresh(now: current),
            let refreshed = try? refresh(token, now: current)
        {
            try cache.save(refreshed, for: session)
            token = refreshed
        }
        guard token.expiresAt > now() else {
            throw AWSError(
                code: "SSOLoginRequired",
                message:
                    "the IAM Identity Center token of profile \"\(session.profileName)\" "
                    + "(\(SSOTokenCache.describe(session))) expired at \(SSOToken.format(token.expiresAt))"
                    + (session.sessionName == nil ? "" : " and could not be refreshed")
                    + ". Sign in again with: \(session.loginHint)")
        }
        return token.accessToken
    }

    private func refresh(_ token: SSOToken, now: Double) throws -> SSOToken {
        guard let clientID = token.clientID, let secret = token.clientSecret, let refreshToken = token.refreshToken
        else { throw AWSError(code: "SSOLoginRequired", message: "the token cannot be refreshed") }
        let issued = try oidc.createToken(
            grantType: "refresh_token", clientID: clientID, clientSecret: secret,
            grant: ["refreshToken": refreshToken])
        var fresh = token
        fresh.accessToken = issued.accessToken
        fresh.expiresAt = now + issued.expiresIn
        if let newRefresh = issued.refreshToken { fresh.refreshToken = newRefresh }
        fresh.startURL = session.startURL
        fresh.region = session.region
        return fresh
    }
}
