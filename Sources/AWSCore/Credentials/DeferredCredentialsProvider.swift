import FoundationEssentials

/// A provider made only when credentials are first asked for, so that a profile's settings for
/// a source further down the chain (a web identity, an IAM Identity Center sign-in) are read,
/// and their mistakes reported, only if the chain gets that far, as botocore does. `make`
/// returns nil when the source is not configured, which the chain takes as "try the next one".
public final class DeferredCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    public let source: String
    private let lock = Lock()
    private var make: (() throws -> CredentialsProvider?)?
    private var made: CredentialsProvider?
    private let absence: String

    /// `absence` says what was looked at when `make` finds nothing configured.
    public init(source: String, absence: String, make: @escaping () throws -> CredentialsProvider?) {
        self.source = source
        self.absence = absence
        self.make = make
    }

    public func credentials() throws -> Credentials {
        lock.lock()
        if made == nil, let make {
            do {
                made = try make()
                self.make = nil
            } catch {
                lock.unlock()
                throw error
            }
        }
        let provider = made
        lock.unlock()
        guard let provider else { throw CredentialsProviderError.notFound(reason: absence) }
        return try provider.credentials()
    }
}

/// Credentials for calls that are sent unsigned (`AssumeRoleWithWebIdentity`): asking for them
/// is a programming error, reported as such rather than signing with something made up.
public struct UnsignedCallCredentials: CredentialsProvider {
    public let source = "none"
    public init() {}
    public func credentials() throws -> Credentials {
        throw AWSError(code: "NoCredentials", message: "this call is sent unsigned and has no credentials")
    }
}
