import FoundationEssentials

/// IAM Identity Center sign-in by device authorization, as `aws sso login` does it: register a
/// public client (`RegisterClient`), start the sign-in (`StartDeviceAuthorization`), tell the
/// user where to confirm it, and poll `CreateToken` at the interval the service gave (5
/// seconds more after each `slow_down`, on after `authorization_pending`) until the user has
/// confirmed or the code expires. The token, with its refresh token and client registration,
/// is written to the same cache `aws sso login` writes.
public struct SSODeviceLogin {
    public let session: SSOSessionSettings
    let oidc: SSOOIDCClient
    let cache: SSOTokenCache
    /// Tells the user where to go; called once with the URL and code.
    var announce: (SSOOIDCClient.DeviceAuthorization) -> Void
    var now: () -> Double = { Date().timeIntervalSince1970 }
    var sleep: (Double) -> Void = { RetryPolicy.systemSleep($0) }
    /// Asked between polls: true stops the sign-in with `Cancelled`.
    var isCancelled: () -> Bool = { false }

    public init(
        session: SSOSessionSettings, oidc: SSOOIDCClient, cache: SSOTokenCache,
        announce: @escaping (SSOOIDCClient.DeviceAuthorization) -> Void
    ) {
        self.session = session
        self.oidc = oidc
        self.cache = cache
        self.announce = announce
    }

    static let deviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code"

    /// Signs in and returns the path of the cache file written.
    @discardableResult
    public func run() throws -> String {
        let registration = try oidc.registerClient(
            name: "gluescript-\(session.sessionName ?? "sso")", scopes: session.scopes)
        let authorization = try oidc.startDeviceAuthorization(registration, startURL: session.startURL)
        announce(authorization)
        let deadline = now() + authorization.expiresIn
        var interval = max(authorization.interval, 1)
        while true {
            sleep(interval)
            if isCancelled() { throw AWSError(code: "Cancelled", message: "the sign-in was interrupted") }
            do {
                let issued = try oidc.createToken(
                    grantType: Self.deviceCodeGrant, clientID: registration.clientID,
                    clientSecret: registration.clientSecret, grant: ["deviceCode": authorization.deviceCode])
                let token = SSOToken(
                    accessToken: issued.accessToken, expiresAt: now() + issued.expiresIn,
                    refreshToken: issued.refreshToken, clientID: registration.clientID,
                    clientSecret: registration.clientSecret, registrationExpiresAt: registration.expiresAt,
                    startURL: session.startURL, region: session.region)
                try cache.save(token, for: session)
                return cache.path(for: session)
            } catch let error as AWSError where error.code == "AuthorizationPendingException" {
            } catch let error as AWSError where error.code == "SlowDownException" {
                interval += 5
            }
            guard now() < deadline else {
                throw AWSError(
                    code: "SSOLoginExpired",
                    message:
                        "the sign-in code \(authorization.userCode) was not confirmed in time; run the sign-in again")
            }
        }
    }
}
