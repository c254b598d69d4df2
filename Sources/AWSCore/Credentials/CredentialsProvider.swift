/// Something that hands out AWS credentials: the environment, a profile, a process, a metadata
/// service, or a chain or cache of those.
///
/// A provider that has nothing to offer (its variables are unset, its profile has no keys)
/// throws `CredentialsProviderError.notFound`, which a chain takes as "try the next one"; any
/// other error means the source was configured but broken, and stops the chain.
public protocol CredentialsProvider: Sendable {
    /// Short name of where credentials come from: `environment`, `shared-credentials-file`,
    /// `config-file`, `credential_process`, `container`, `instance-metadata`, ...
    var source: String { get }
    func credentials() throws -> Credentials
}

/// Errors providers throw among themselves; users see `AWSError`s.
public enum CredentialsProviderError: Error, Sendable {
    /// The provider has no credentials to give; `reason` says what it looked at.
    case notFound(reason: String)
}
