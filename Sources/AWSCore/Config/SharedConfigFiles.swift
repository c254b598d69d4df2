import FoundationEssentials

/// The shared config file (`~/.aws/config`) and credentials file (`~/.aws/credentials`), read
/// into profiles the way botocore reads them.
///
/// In the config file a profile is `[profile name]`, except `[default]` (a `[profile default]`
/// section wins over `[default]`); `[services name]` sections hold per-service settings and
/// `[sso-session name]` sections are kept aside. Other sections are ignored. In the credentials
/// file every section `[name]` is a profile. A section written twice in one file is an error (as
/// in botocore); two sections naming one profile (`[profile a]`, `[profile "a"]`) are merged,
/// later keys winning.
public struct SharedConfigFiles: Sendable {
    public var configPath: String
    public var credentialsPath: String
    /// Profiles of the config file, by name.
    public var configProfiles: [String: ConfigProfile]
    /// Profiles of the credentials file, by name.
    public var credentialsProfiles: [String: ConfigProfile]
    /// `[services name]` sections: section name, then service key (`s3`, `glue`), then settings.
    public var services: [String: [String: [String: String]]]
    /// `[sso-session name]` sections, tolerated and kept for later use.
    public var ssoSessions: [String: ConfigProfile]

    public init(config: INIDocument, credentials: INIDocument) {
        configPath = config.path
        credentialsPath = credentials.path
        configProfiles = [:]
        credentialsProfiles = [:]
        services = [:]
        ssoSessions = [:]
        var explicitDefault: ConfigProfile?

        for section in config.sections {
            let (kind, name) = Self.classify(section.name)
            let profile = ConfigProfile(name: name, properties: section.properties)
            switch kind {
            case "profile" where name == "default":
                explicitDefault = explicitDefault.map { $0.merging(profile) } ?? profile
            case "profile":
                configProfiles[name] = configProfiles[name].map { $0.merging(profile) } ?? profile
            case "services":
                var entries = services[name] ?? [:]
                for (key, value) in section.properties {
                    if let nested = value.nested {
                        entries[key, default: [:]].merge(nested) { _, new in new }
                    }
                }
                services[name] = entries
            case "sso-session":
                ssoSessions[name] = ssoSessions[name].map { $0.merging(profile) } ?? profile
            default:
                if section.name == "default" {
                    configProfiles["default"] =
                        configProfiles["default"].map { $0.merging(profile) } ?? profile
                }
            }
        }
        if let explicitDefault { configProfiles["default"] = explicitDefault }

        for section in credentials.sections {
            let profile = ConfigProfile(name: section.name, properties: section.properties)
            credentialsProfiles[section.name] =
                credentialsProfiles[section.name].map { $0.merging(profile) } ?? profile
        }
    }

    /// Reads both files; a file that does not exist counts as empty.
    public static func load(configPath: String, credentialsPath: String) throws -> SharedConfigFiles {
        SharedConfigFiles(
            config: try readDocument(configPath), credentials: try readDocument(credentialsPath))
    }

    /// Whether either file has a profile called `name`.
    public func hasProfile(_ name: String) -> Bool {
        configProfiles[name] != nil || credentialsProfiles[name] != nil
    }

    /// Profile `name` with the credentials file's settings laid over the config file's, as
    /// botocore merges them.
    public func mergedProfile(_ name: String) -> ConfigProfile {
        let base = configProfiles[name] ?? ConfigProfile(name: name)
        return credentialsProfiles[name].map { base.merging($0) } ?? base
    }

    /// Splits a config-file section name into its kind (`profile`, `services`, `sso-session`, or
    /// empty) and the name after it, with surrounding quotes removed.
    private static func classify(_ sectionName: String) -> (String, String) {
        for kind in ["profile", "services", "sso-session"] {
            guard sectionName.hasPrefix(kind) else { continue }
            let rest = sectionName.dropFirst(kind.count)
            guard let first = rest.first, first == " " || first == "\t" else { continue }
            var name = rest.trimmingCharacters(where: \.isHorizontalWhitespace)
            if name.count >= 2, let quote = name.first, quote == "\"" || quote == "'", name.last == quote {
                name = String(name.dropFirst().dropLast())
            }
            if !name.isEmpty { return (kind, name) }
        }
        return ("", sectionName)
    }

    private static func readDocument(_ path: String) throws -> INIDocument {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return INIDocument(path: path)
        }
        guard !isDirectory, let bytes = FileContents.bytes(atPath: path) else {
            throw AWSError(code: "ConfigParseError", message: "\(path): cannot be read as a file")
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw AWSError(code: "ConfigParseError", message: "\(path): is not UTF-8 text")
        }
        return try INIParser.parse(text, path: path)
    }
}
