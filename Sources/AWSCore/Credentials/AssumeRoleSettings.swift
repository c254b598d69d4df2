/// An assume-role profile: `role_arn` with `source_profile` (or `credential_source`), and the
/// optional `role_session_name`, `external_id`, `duration_seconds`.
public struct AssumeRoleSettings: Sendable, Equatable {
    public var roleARN: String
    /// The profile whose credentials call STS.
    public var sourceProfile: String?
    /// `Environment`, `Ec2InstanceMetadata` or `EcsContainer` instead of a source profile.
    public var credentialSource: String?
    public var sessionName: String
    public var externalID: String?
    public var durationSeconds: Int?
    /// The MFA device whose code AssumeRole needs (`mfa_serial`).
    public var mfaSerial: String? = nil
}

extension ConfigResolver {
    /// The selected profile's assume-role settings, nil when it has no `role_arn` (or has a
    /// `web_identity_token_file`, which makes it a web identity profile). A profile with a role
    /// but no way to get the source credentials is an error naming it.
    public func assumeRoleSettings(now: Double) throws -> AssumeRoleSettings? {
        guard let role = profileSetting("role_arn")?.value, profileSetting("web_identity_token_file") == nil else {
            return nil
        }
        let source = profileSetting("source_profile")?.value
        let credentialSource = profileSetting("credential_source")?.value
        if source != nil && credentialSource != nil {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "\(profileDescription) has both source_profile and credential_source: keep one")
        }
        guard source != nil || credentialSource != nil else {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "\(profileDescription) has role_arn but neither source_profile nor credential_source")
        }
        var duration: Int?
        if let text = profileSetting("duration_seconds")?.value {
            guard let seconds = Int(text), (900...43200).contains(seconds) else {
                throw AWSError(
                    code: "InvalidConfiguration",
                    message: "duration_seconds in \(profileDescription) must be 900 to 43200, got \"\(text)\"")
            }
            duration = seconds
        }
        return AssumeRoleSettings(
            roleARN: role, sourceProfile: source, credentialSource: credentialSource,
            sessionName: profileSetting("role_session_name")?.value ?? "gluescript-session-\(Int64(now))",
            externalID: profileSetting("external_id")?.value, durationSeconds: duration,
            mfaSerial: profileSetting("mfa_serial")?.value)
    }

    /// A resolver for `name`, the `source_profile` of the selected profile, with the same
    /// overrides. A missing source profile is `ProfileNotFound` naming it as the
    /// `source_profile` of this profile and the file that says so.
    public func sourceProfileResolver(_ name: String) throws -> ConfigResolver {
        guard files.hasProfile(name) else {
            let origin = profileSetting("source_profile")?.source ?? profileDescription
            throw AWSError(
                code: "ProfileNotFound",
                message:
                    "The config profile \"\(name)\" could not be found: it is the source_profile of "
                    + "\(origin), and there is no [profile \(name)] in \(files.configPath) "
                    + "and no [\(name)] in \(files.credentialsPath)")
        }
        var sourceOverrides = overrides
        sourceOverrides.profile = name
        sourceOverrides.credentials = nil
        return try ConfigResolver(environment: environment, overrides: sourceOverrides, files: files)
    }
}
