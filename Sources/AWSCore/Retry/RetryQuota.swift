import FoundationEssentials

/// The token bucket that stops a client from retrying without end when a service is down
/// (botocore's `RetryQuota`): it starts full, each retry takes tokens, successes put some back.
/// One quota is shared by every call of a client.
public final class RetryQuota: @unchecked Sendable {
    /// Tokens taken by a retry after an error.
    public static let retryCost = 5
    /// Tokens taken by a retry after a time-out.
    public static let timeoutRetryCost = 10
    /// Tokens given back by a call that succeeded at its first attempt.
    public static let successRefund = 1

    private let lock = Lock()
    public let capacity: Int
    private var tokens: Int

    public init(capacity: Int = 500) {
        self.capacity = capacity
        self.tokens = capacity
    }

    /// Tokens left.
    public var available: Int {
        lock.lock()
        defer { lock.unlock() }
        return tokens
    }

    /// Takes `amount` tokens if there are that many; false (and nothing taken) otherwise.
    public func acquire(_ amount: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard amount <= tokens else { return false }
        tokens -= amount
        return true
    }

    /// Gives back `amount` tokens, never filling beyond the capacity.
    public func release(_ amount: Int) {
        lock.lock()
        defer { lock.unlock() }
        tokens = min(capacity, tokens + amount)
    }
}
