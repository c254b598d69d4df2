/// Resolves settings as the AWS SDKs do: explicit overrides first, then `AWS_*` environment
/// variables, then the selected profile of the shared config and credentials files.
///
/// Creating one reads both files and selects the profile (`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`,
/// `default`); a profile that was asked for by name and exists in neither file is an error
/// `ProfileNotFound`.
public struct ConfigResolver: Sendable {
    public let environment: AWSEnvironment
    public let overrides: ConfigOverrides
    public let files: SharedConfigFiles
    /// The selected profile's name and what selected it.
    public let profileName: ConfiguredValue<String>
    /// The selected profile, the credentials file's settings laid over the config file's.
    public let profile: ConfigProfile

    public init(
        environment: AWSEnvironment = .process, overrides: ConfigOverrides = ConfigOverrides()
    ) throws {
        let configPath = environment.expandingTilde(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let credentialsPath = environment.expandingTilde(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        try self.init(
            environment: environment, overrides: overrides,
            files: SharedConfigFiles.load(configPath: configPath, credentialsPath: credentialsPath))
    }

    /// A resolver over files already read (or made up, in tests).
    public init(environment: AWSEnvironment, overrides: ConfigOverrides, files: SharedConfigFiles)
        throws
    {
        self.environment = environment
        self.overrides = overrides
        self.files = files

        let chosen: ConfiguredValue<String>?
        if let name = overrides.profile {
            chosen = ConfiguredValue(name, source: "--profile / profile option")
        } else if let name = environment["AWS_PROFILE"] {
            chosen = ConfiguredValue(name, source: "AWS_PROFILE")
        } else if let name = environment["AWS_DEFAULT_PROFILE"] {
            chosen = ConfiguredValue(name, source: "AWS_DEFAULT_PROFILE")
        } else {
            chosen = nil
        }
        if let chosen, !files.hasProfile(chosen.value) {
            throw AWSError(
                code: "ProfileNotFound",
                message:
                    "The config profile \"\(chosen.value)\" (from \(chosen.source)) could not be found: "
                    + "there is no [profile \(chosen.value)] in \(files.configPath) "
                    + "and no [\(chosen.value)] in \(files.credentialsPath)")
        }
        profileName = chosen ?? ConfiguredValue("default", source: "default")
        profile = files.mergedProfile(profileName.value)
    }

    /// Whether the profile was chosen by an explicit override rather than the environment.
    public var profileIsExplicit: Bool { overrides.profile != nil }

    /// Describes the selected profile as a place settings are read from.
    public var profileDescription: String {
        "profile \"\(profileName.value)\" in \(files.configPath)"
    }

    /// A setting of the selected profile, with where it was found.
    public func profileSetting(_ key: String) -> ConfiguredValue<String>? {
        if let value = files.credentialsProfiles[profileName.value]?.string(key) {
            return ConfiguredValue(
                value, source: "profile \"\(profileName.value)\" in \(files.credentialsPath)")
        }
        return profile.string(key).map { ConfiguredValue($0, source: profileDescription) }
    }

    /// The first of: override, each environment variable in order, profile setting.
    func lookup(override: String?, variables: [String], profileKey: String?) -> ConfiguredValue<
        String
    >? {
        if let override { return ConfiguredValue(override, source: "explicit setting") }
        for name in variables {
            if let value = environment[name] { return ConfiguredValue(value, source: name) }
        }
        return profileKey.flatMap { profileSetting($0) }
    }

    /// The region, or nil when none is configured anywhere.
    public var configuredRegion: ConfiguredValue<String>? {
        if let region = overrides.region {
            return ConfiguredValue(region, source: "--region / region option")
        }
        return lookup(
            override: nil, variables: ["AWS_REGION", "AWS_DEFAULT_REGION"], profileKey: "region")
    }

    /// The region; when none is configured, an error `NoRegion` saying where it looked.
    public func region() throws -> String {
        guard let region = configuredRegion else {
            throw AWSError(
                code: "NoRegion",
                message:
                    "No AWS region is configured. Looked in: the --region flag and region client option, "
                    + "AWS_REGION, AWS_DEFAULT_REGION, and the \"region\" setting of \(profileDescription). "
                    + "Set one of them, e.g. export AWS_REGION=us-east-1")
        }
        return region.value
    }

    /// The CA bundle file to verify TLS with, when one is configured.
    public var caBundle: String? {
        lookup(override: overrides.caBundle, variables: ["AWS_CA_BUNDLE"], profileKey: "ca_bundle")
            .map { environment.expandingTilde($0.value) }
    }

    /// Whether `AWS_EC2_METADATA_DISABLED=true` turns the instance metadata service off.
    public var ec2MetadataDisabled: Bool {
        environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
    }

    /// Reads a boolean the way botocore does: `true` in any case is true, anything else false.
    static func isTrue(_ text: String) -> Bool {
        text.lowercased() == "true"
    }
}
