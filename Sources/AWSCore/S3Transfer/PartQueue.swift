/// The calls of a parallel batch still to be sent: fresh ones in their order, and failed ones
/// waiting out their backoff. A retry that is due goes before the fresh calls; in order, no
/// fresh call goes while a retry waits.
struct PartQueue {
    typealias Item = (index: Int, attempt: Int)

    private var nextFresh = 0
    private let count: Int
    private let inOrder: Bool
    private var retries: [(item: Item, due: ContinuousClock.Instant)] = []

    /// A queue of the calls `0..<count`, each at its first attempt.
    init(count: Int, inOrder: Bool = false) {
        self.count = count
        self.inOrder = inOrder
    }

    var isEmpty: Bool { nextFresh >= count && retries.isEmpty }

    /// Queues `index` for attempt `attempt`, to be sent no sooner than `seconds` after `now`.
    mutating func retry(_ index: Int, attempt: Int, after seconds: Double, now: ContinuousClock.Instant) {
        let due = now.advanced(by: .nanoseconds(Int64(min(max(0, seconds), 86_400 * 365) * 1e9)))
        let position = retries.firstIndex { $0.due > due } ?? retries.endIndex
        retries.insert(((index, attempt), due), at: position)
    }

    /// The next call that may be sent at `now`, taken off the queue.
    mutating func next(now: ContinuousClock.Instant) -> Item? {
        if let first = retries.first, first.due <= now {
            retries.removeFirst()
            return first.item
        }
        guard nextFresh < count, !(inOrder && !retries.isEmpty) else { return nil }
        defer { nextFresh += 1 }
        return (nextFresh, 1)
    }

    /// Seconds from `now` until the earliest retry is due (0 if it is), nil when none waits.
    func secondsUntilRetry(now: ContinuousClock.Instant) -> Double? {
        guard let first = retries.first else { return nil }
        let left = now.duration(to: first.due)
        return max(0, Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18)
    }

    /// The earliest retry, taken off the queue once `wait` has been given the seconds left
    /// until it is due (for when nothing else is in flight); nil when no retry waits.
    mutating func nextRetry(waiting wait: (Double) throws -> Void) rethrows -> Item? {
        guard let seconds = secondsUntilRetry(now: .now) else { return nil }
        try wait(seconds)
        return retries.removeFirst().item
    }
}
