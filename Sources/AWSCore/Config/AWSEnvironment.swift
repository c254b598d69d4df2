import FoundationEssentials

/// The process environment as configuration sees it: variables and the home folder.
///
/// Everything that reads `AWS_*` variables or `~/.aws` takes one of these, so tests can hand in
/// a made-up environment and a throw-away home folder instead of touching the real ones.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    public var homeDirectory: String

    public init(variables: [String: String] = [:], homeDirectory: String) {
        self.variables = variables
        self.homeDirectory = homeDirectory
    }

    /// The environment of the running process.
    public static var process: AWSEnvironment {
        let variables = ProcessEnvironment.variables()
        let home =
            variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return AWSEnvironment(variables: variables, homeDirectory: home)
    }

    /// The value of variable `name`, or nil when it is unset or empty.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `path` with a leading `~` replaced by the home folder.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + path.dropFirst() }
        return path
    }
}
