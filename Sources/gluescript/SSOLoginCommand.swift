import AWSCore
import Bindings

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `gluescript --sso-login [--profile NAME]`: the device-authorization sign-in to IAM Identity
/// Center for the profile's `sso_session` (or `sso_start_url`), writing the token cache that
/// `aws sso login` writes, so no AWS CLI is needed.
struct SSOLoginCommand {
    let profile: String?

    /// Signs in; 0 on success, 1 (with the reason on stderr) otherwise.
    func run() -> Int32 {
        do {
            var overrides = ConfigOverrides()
            overrides.profile = profile
            let resolver = try ConfigResolver(environment: .process, overrides: overrides)
            guard let session = try resolver.ssoSessionSettings() else {
                printError(
                    "gluescript: \(resolver.profileDescription) has no sso_session (or sso_start_url and sso_region) "
                        + "to sign in to")
                return 1
            }
            let transport = try CurlTransport(userAgent: AWSClient.userAgent)
            let login = SSODeviceLogin(
                session: session, oidc: try resolver.ssoOIDCClient(for: session, httpClient: transport),
                cache: SSOTokenCache(environment: resolver.environment)
            ) { authorization in
                printError(
                    "Signing in to IAM Identity Center at \(session.startURL) for profile \"\(session.profileName)\".\n"
                        + "Open this page in a browser and confirm the code \(authorization.userCode):\n  "
                        + (authorization.verificationURIComplete ?? authorization.verificationURI))
            }
            let path = try login.run()
            printError("gluescript: signed in; the token is cached in \(path)")
            return 0
        } catch {
            printError("gluescript: IAM Identity Center sign-in failed: \(error)")
            return 1
        }
    }
}
