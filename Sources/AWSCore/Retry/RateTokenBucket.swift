/// The token bucket that paces an adaptive client's requests (botocore's `TokenBucket`): it
/// fills at the allowed rate (never below half a request a second) up to one second's worth,
/// and each request takes a token. A request finding the bucket empty reserves the next token
/// and is told how long to wait for it, so requests from several threads queue up in turn.
struct RateTokenBucket {
    static let minimumRate = 0.5

    private(set) var fillRate = 0.0
    private var maxCapacity = 1.0
    private var capacity = 0.0
    private var lastTime: Double?

    init(maxRate: Double, at time: Double) {
        setMaxRate(maxRate, at: time)
    }

    /// Changes the allowed rate at `time`.
    mutating func setMaxRate(_ rate: Double, at time: Double) {
        refill(at: time)
        fillRate = max(rate, Self.minimumRate)
        maxCapacity = rate >= 1 ? rate : 1
        capacity = min(capacity, maxCapacity)
    }

    /// Takes a token at `time`; the seconds to wait before sending (0 when one was there).
    mutating func reserve(at time: Double) -> Double {
        refill(at: time)
        capacity -= 1
        return capacity >= 0 ? 0 : -capacity / fillRate
    }

    private mutating func refill(at time: Double) {
        guard let lastTime else {
            self.lastTime = time
            return
        }
        capacity = min(maxCapacity, capacity + (time - lastTime) * fillRate)
        self.lastTime = time
    }
}
