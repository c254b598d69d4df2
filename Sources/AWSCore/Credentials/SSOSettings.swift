import FoundationEssentials

/// Where an IAM Identity Center sign-in happens: an `[sso-session name]` section (or, in the
/// older form, the profile's own `sso_start_url` and `sso_region`).
public struct SSOSessionSettings: Sendable, Equatable {
    /// The profile that named it, for error messages and the command that fixes them.
    public var profileName: String
    /// The `sso_session` name; nil for the older form, whose token cannot be refreshed.
    public var sessionName: String?
    public var startURL: String
    public var region: String
    /// `sso_registration_scopes`; `sso:account:access` when unset.
    public var scopes: [String]
    /// The config file the settings came from.
    public var configPath: String

    /// What the token cache file is named after: the session name, or the start URL for the
    /// older form (as `aws sso login` does).
    public var cacheKey: String { sessionName ?? startURL }

    /// The commands that sign in again.
    public var loginHint: String {
        "gluescript --sso-login --profile \(profileName) (or aws sso login --profile \(profileName))"
    }
}

/// An IAM Identity Center profile: its sign-in, and the account and role whose credentials it
/// asks the portal for (`sso_account_id`, `sso_role_name`).
public struct SSOSettings: Sendable, Equatable {
    public var session: SSOSessionSettings
    public var accountID: String
    public var roleName: String
}

extension ConfigResolver {
    /// The selected profile's IAM Identity Center settings, nil when it has neither
    /// `sso_account_id` nor `sso_role_name`. An unknown `sso_session`, a setting missing, or a
    /// setting that differs between profile and session is an error naming them and the file.
    public func ssoSettings() throws -> SSOSettings? {
        let account = profileSetting("sso_account_id")?.value
        let role = profileSetting("sso_role_name")?.value
        guard account != nil || role != nil else { return nil }
        guard let session = try ssoSessionSettings() else {
            throw ssoConfigurationError("has sso_account_id or sso_role_name but no sso_session or sso_start_url")
        }
        var missing: [String] = []
        if account == nil { missing.append("sso_account_id") }
        if role == nil { missing.append("sso_role_name") }
        guard let account, let role else {
            throw ssoConfigurationError("uses IAM Identity Center but lacks " + missing.joined(separator: " and "))
        }
        return SSOSettings(session: session, accountID: account, roleName: role)
    }

    /// The sign-in settings of the selected profile (`sso_session`, or `sso_start_url` with
    /// `sso_region`), nil when it has none.
    public func ssoSessionSettings() throws -> SSOSessionSettings? {
        if let name = profileSetting("sso_session")?.value {
            guard let section = files.ssoSessions[name] else {
                throw ssoConfigurationError(
                    "names sso_session \"\(name)\", but there is no [sso-session \(name)] section in \(files.configPath)"
                )
            }
            var values: [String: String] = [:]
            for key in ["sso_start_url", "sso_region"] {
                let fromSession = section.string(key)
                if let fromProfile = profileSetting(key)?.value, let fromSession, fromProfile != fromSession {
                    throw ssoConfigurationError(
                        "sets \(key) to \"\(fromProfile)\" but its [sso-session \(name)] sets \"\(fromSession)\"")
                }
                values[key] = fromSession ?? profileSetting(key)?.value
            }
            guard let start = values["sso_start_url"], let region = values["sso_region"] else {
                let missing = ["sso_start_url", "sso_region"].filter { values[$0] == nil }
                throw ssoConfigurationError(
                    "uses [sso-session \(name)], which lacks " + missing.joined(separator: " and "))
            }
            let scopes = section.string("sso_registration_scopes").map(Self.scopeList) ?? ["sso:account:access"]
            return SSOSessionSettings(
                profileName: profileName.value, sessionName: name, startURL: start, region: region, scopes: scopes,
                configPath: files.configPath)
        }
        let start = profileSetting("sso_start_url")?.value
        let region = profileSetting("sso_region")?.value
        guard start != nil || region != nil else { return nil }
        guard let start, let region else {
            throw ssoConfigurationError("needs both sso_start_url and sso_region (or an sso_session)")
        }
        return SSOSessionSettings(
            profileName: profileName.value, sessionName: nil, startURL: start, region: region, scopes: [],
            configPath: files.configPath)
    }

    private static func scopeList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(where: \.isHorizontalWhitespace) }.filter { !$0.isEmpty }
    }

    private func ssoConfigurationError(_ problem: String) -> AWSError {
        AWSError(code: "InvalidConfiguration", message: "\(profileDescription) \(problem)")
    }
}
