import FoundationEssentials

/// Tries providers in order and sticks with the first that has credentials, caching (and
/// refreshing) what it gives. Providers that have nothing (`CredentialsProviderError.notFound`)
/// are passed over; any other error stops the search. When none has credentials, the error is
/// `AWSError` code `NoCredentials`, listing every place looked at.
public final class CredentialProviderChain: CredentialsProvider, @unchecked Sendable {
    public let providers: [CredentialsProvider]
    private let now: @Sendable () -> Double
    private let lock = Lock()
    private var chosen: CachingCredentialsProvider?

    public init(
        providers: [CredentialsProvider],
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.providers = providers
        self.now = now
    }

    /// The source of the provider that gave credentials, or `none` before one has.
    public var source: String {
        lock.lock()
        defer { lock.unlock() }
        return chosen?.source ?? "none"
    }

    public func credentials() throws -> Credentials {
        lock.lock()
        if let chosen {
            lock.unlock()
            return try chosen.credentials()
        }
        defer { lock.unlock() }
        var looked: [String] = []
        for provider in providers {
            do {
                let found = try provider.credentials()
                chosen = CachingCredentialsProvider(wrapping: provider, initial: found, now: now)
                return found
            } catch CredentialsProviderError.notFound(let reason) {
                looked.append(reason)
            }
        }
        throw AWSError(
            code: "NoCredentials",
            message: "Unable to locate AWS credentials. Looked in: " + looked.joined(separator: "; "))
    }
}
