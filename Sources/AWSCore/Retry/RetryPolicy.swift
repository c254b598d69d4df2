#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many times and how patiently a client retries a failed call.
///
/// Standard mode waits `random() * min(2^(n-1), 20)` seconds after failed attempt `n`; legacy
/// mode `random() * 2^(n-1)` with no cap. `random` and `sleep` can be replaced in tests.
public struct RetryPolicy {
    public var mode: RetryMode
    /// Attempts in all, the first included; at least 1.
    public var maxAttempts: Int
    /// The client's retry quota (standard mode); nil means retries are never refused by a quota.
    public var quota: RetryQuota?
    /// A number in 0..<1 for the jitter.
    public var random: () -> Double
    /// Waits the given number of seconds.
    public var sleep: (Double) -> Void
    /// Where retries are announced, if anywhere.
    public var debugLog: DebugLog?
    /// The client's rate limiter in adaptive mode; share one among every policy of a client.
    public var rateLimiter: ClientRateLimiter?

    /// A policy for `mode`; `maxAttempts` nil means the mode's default. Standard mode gets a
    /// fresh quota unless one is given; pass the same quota to every policy of one client.
    public init(
        mode: RetryMode = .standard, maxAttempts: Int? = nil, quota: RetryQuota? = nil,
        random: @escaping () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping (Double) -> Void = RetryPolicy.systemSleep, debugLog: DebugLog? = nil
    ) {
        self.mode = mode
        self.maxAttempts = max(1, maxAttempts ?? mode.defaultMaxAttempts)
        self.quota = quota ?? (mode == .legacy ? nil : RetryQuota())
        self.rateLimiter = mode == .adaptive ? ClientRateLimiter() : nil
        self.random = random
        self.sleep = sleep
        self.debugLog = debugLog
    }

    /// A policy from configuration text (`AWS_RETRY_MODE`, `AWS_MAX_ATTEMPTS`, `retry_mode`,
    /// `max_attempts`); unknown modes and attempt counts below 1 are errors.
    public init(modeName: String?, maxAttempts: Int?, quota: RetryQuota? = nil) throws {
        let mode = try modeName.map { try RetryMode(parsing: $0) } ?? .standard
        if let maxAttempts, maxAttempts < 1 {
            throw AWSError(
                code: "InvalidMaxAttempts", message: "max_attempts must be 1 or more, got \(maxAttempts)")
        }
        self.init(mode: mode, maxAttempts: maxAttempts, quota: quota)
    }

    /// What follows failed attempt `attempt`: the pause before the next one and the retry
    /// quota it took, or nil when the error is to be thrown (not retryable, attempts or quota
    /// used up). Marks the error's `attempts` and `retryable`.
    public func retry(after error: inout AWSError, attempt: Int) -> (delay: Double, cost: Int?)? {
        error.attempts = attempt
        let reason = RetryClassifier.reason(for: error, mode: mode)
        error.retryable = reason != nil
        guard let reason, attempt < maxAttempts else { return nil }
        var cost: Int?
        if let quota {
            let wanted = reason == .timeout ? RetryQuota.timeoutRetryCost : RetryQuota.retryCost
            guard quota.acquire(wanted) else {
                debugLog?.note("not retrying \(error.code): the retry quota is used up")
                return nil
            }
            cost = wanted
        }
        return (delay(afterAttempt: attempt), cost)
    }

    /// Gives quota back after a success: what the last retry took, or 1 without retries.
    public func recordSuccess(lastRetryCost: Int?) {
        quota?.release(lastRetryCost ?? RetryQuota.successRefund)
    }

    /// Seconds to wait after failed attempt `attempt` (1 for the first) before the next one.
    public func delay(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let base = pow(2.0, exponent)
        switch mode {
        case .standard, .adaptive: return random() * min(base, 20)
        case .legacy: return random() * base
        }
    }

    /// Sleeps the calling thread.
    public static let systemSleep: @Sendable (Double) -> Void = { seconds in
        guard seconds > 0 else { return }
        let seconds = min(seconds, 86_400 * 365)
        var wait = timespec(
            tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&wait, &remaining) != 0 && errno == EINTR { wait = remaining }
    }
}
