/// Web identity sign-in (OIDC, as CI jobs and EKS pods use it): the role to assume, the file
/// holding the identity token, and the session name, each from the environment
/// (`AWS_ROLE_ARN`, `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_SESSION_NAME`) or the profile
/// (`role_arn`, `web_identity_token_file`, `role_session_name`), with where it came from.
public struct WebIdentitySettings: Sendable, Equatable {
    public var roleARN: String
    public var tokenFile: String
    /// Where the token file's path was configured, for error messages.
    public var tokenFileSource: String
    public var sessionName: String
}

extension ConfigResolver {
    /// The web identity settings, nil when no token file is configured. As botocore does, each
    /// setting is taken from the environment first (not when the profile was chosen
    /// explicitly), then from the profile. A token file without a role is an error.
    public func webIdentitySettings(now: Double) throws -> WebIdentitySettings? {
        func setting(_ variable: String, _ key: String) -> ConfiguredValue<String>? {
            if !profileIsExplicit, let value = environment[variable] {
                return ConfiguredValue(value, source: variable)
            }
            return profileSetting(key)
        }
        guard let tokenFile = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file") else {
            return nil
        }
        guard let role = setting("AWS_ROLE_ARN", "role_arn") else {
            throw AWSError(
                code: "InvalidConfiguration",
                message:
                    "a web identity token file is configured (\(tokenFile.source)) but no role: "
                    + "set AWS_ROLE_ARN or role_arn in \(profileDescription)")
        }
        return WebIdentitySettings(
            roleARN: role.value, tokenFile: environment.expandingTilde(tokenFile.value),
            tokenFileSource: tokenFile.source,
            sessionName: setting("AWS_ROLE_SESSION_NAME", "role_session_name")?.value
                ?? "gluescript-session-\(Int64(now))")
    }
}
