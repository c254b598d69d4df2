import FoundationEssentials

/// The client-side rate limiter of `retry_mode = adaptive` (botocore's `ClientRateLimiter`).
///
/// It stays out of the way until the service first answers with a throttling error. From then
/// on every request takes a token from a bucket filled at the allowed rate: a throttling answer
/// cuts the rate to 70% of what was being sent, successes let it grow back along a CUBIC curve,
/// and it never exceeds twice the rate actually measured. One limiter serves every call of a
/// client. The clock can be replaced in tests.
public final class ClientRateLimiter: @unchecked Sendable {
    static let maxRateAdjustScale = 2.0

    private let lock = Lock()
    private let now: () -> Double
    private var enabled = false
    private var calculator: CubicRateCalculator
    private var meter: SendRateMeter
    private var bucket: RateTokenBucket

    public init(now: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.now = now
        let start = now()
        calculator = CubicRateCalculator(startingMaxRate: 0, startTime: start)
        meter = SendRateMeter(startTime: start)
        bucket = RateTokenBucket(maxRate: 1, at: start)
    }

    /// Whether a throttling answer has switched pacing on.
    public var isPacing: Bool {
        lock.lock()
        defer { lock.unlock() }
        return enabled
    }

    /// The requests per second currently allowed.
    public var allowedRate: Double {
        lock.lock()
        defer { lock.unlock() }
        return bucket.fillRate
    }

    /// The requests per second measured.
    public var measuredRate: Double {
        lock.lock()
        defer { lock.unlock() }
        return meter.measuredRate
    }

    /// Takes a token for a request about to be sent; the seconds to wait first (0 until pacing
    /// is on, or when a token is there).
    public func delayBeforeSending() -> Double {
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return 0 }
        return bucket.reserve(at: now())
    }

    /// Learns from an answer (or a failure to get one): `throttled` when the service asked
    /// the client to slow down.
    public func record(throttled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let time = now()
        let measured = meter.record(at: time)
        let newRate: Double
        if throttled {
            let rateToUse = enabled ? min(measured, bucket.fillRate) : measured
            newRate = calculator.errorReceived(currentRate: rateToUse, at: time)
            enabled = true
        } else {
            newRate = calculator.successReceived(at: time)
        }
        bucket.setMaxRate(min(newRate, Self.maxRateAdjustScale * measured), at: time)
    }
}
