/// One named profile's settings, from the config file or the credentials file.
public struct ConfigProfile: Sendable, Equatable {
    public var name: String
    /// Property names are lower-cased.
    public var properties: [String: INIDocument.Value]

    public init(name: String, properties: [String: INIDocument.Value] = [:]) {
        self.name = name
        self.properties = properties
    }

    /// A plain-text setting, or nil when it is absent or empty.
    public func string(_ key: String) -> String? {
        guard let value = properties[key]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// This profile with `other`'s settings laid over it.
    public func merging(_ other: ConfigProfile) -> ConfigProfile {
        ConfigProfile(name: name, properties: properties.merging(other.properties) { _, new in new })
    }
}
