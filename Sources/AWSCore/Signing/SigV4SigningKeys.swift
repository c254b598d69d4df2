import Crypto
import FoundationEssentials

/// SigV4 signing keys already derived, ready to sign with.
///
/// A key is four HMACs of the secret key over the day, region and service; every request of a
/// day to one service and region shares it, so it is derived once and kept as an HMAC already
/// keyed (its padded key blocks hashed), which each signature copies. Entries are keyed by
/// everything the key depends on, the secret included, so new credentials get new keys.
/// Bounded, and safe to share between threads.
final class SigV4SigningKeys: @unchecked Sendable {
    /// The keys every signer uses.
    static let shared = SigV4SigningKeys()

    private struct Scope: Hashable {
        let secretAccessKey: String
        let dateStamp: String
        let region: String
        let service: String
    }

    private let capacity: Int
    private var keys: [Scope: HMAC<SHA256>] = [:]
    /// The key used last: calls in a row nearly always share it, and comparing its scope
    /// costs less than hashing it.
    private var last: (scope: Scope, key: HMAC<SHA256>)?
    private let lock = Lock()

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// An HMAC keyed with the signing key of `secretAccessKey` for the day, region and service.
    func authenticator(secretAccessKey: String, dateStamp: String, region: String, service: String) -> HMAC<SHA256> {
        let scope = Scope(secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service)
        lock.lock()
        if let last, last.scope == scope {
            lock.unlock()
            return last.key
        }
        if let known = keys[scope] {
            last = (scope, known)
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = HMAC<SHA256>(key: Self.derive(scope))
        lock.lock()
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys[scope] = made
        last = (scope, made)
        lock.unlock()
        return made
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    private static func derive(_ scope: Scope) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(scope.secretAccessKey)".utf8))
        for part in [scope.dateStamp, scope.region, scope.service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }
}
