import FoundationEssentials

/// Keeps the credentials a provider gave and refreshes temporary ones before they expire, with
/// botocore's two windows:
///
/// - advisory (15 minutes before expiry): a refresh is tried; if it fails the cached
///   credentials are still handed out;
/// - mandatory (10 minutes before expiry): a refresh must succeed, or its error is thrown.
///
/// Credentials without an expiration are kept for good. Safe to use from several threads.
public final class CachingCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    public static let advisoryRefreshWindow: Double = 15 * 60
    public static let mandatoryRefreshWindow: Double = 10 * 60

    private let wrapped: CredentialsProvider
    private let now: @Sendable () -> Double
    private let lock = Lock()
    private var cached: Credentials?

    /// `initial` seeds the cache with credentials already fetched from `wrapped`.
    public init(
        wrapping wrapped: CredentialsProvider, initial: Credentials? = nil,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.wrapped = wrapped
        self.cached = initial
        self.now = now
    }

    public var source: String { wrapped.source }

    public func credentials() throws -> Credentials {
        lock.lock()
        defer { lock.unlock() }
        guard let current = cached else {
            let fresh = try wrapped.credentials()
            cached = fresh
            return fresh
        }
        guard let expiration = current.expiration else { return current }
        let remaining = expiration - now()
        if remaining >= Self.advisoryRefreshWindow { return current }
        do {
            let fresh = try wrapped.credentials()
            if let newExpiration = fresh.expiration, newExpiration <= now() {
                throw AWSError(
                    code: "CredentialRetrievalError",
                    message: "credentials from \(wrapped.source) were refreshed but are still expired")
            }
            cached = fresh
            return fresh
        } catch {
            if remaining < Self.mandatoryRefreshWindow {
                throw Self.userFacing(error, source: wrapped.source)
            }
            return current
        }
    }

    static func userFacing(_ error: Error, source: String) -> Error {
        if case CredentialsProviderError.notFound(let reason) = error {
            return AWSError(
                code: "CredentialRetrievalError",
                message: "refreshing credentials from \(source) failed: \(reason)")
        }
        return error
    }
}
