import Glibc

/// How one wait runs: overrides of the definition's pacing, limits, callbacks, and the clock
/// and sleep (injectable, so tests never sleep).
public struct WaiterOptions {
    /// Seconds between polls, instead of the definition's `delay`.
    public var delay: Double?
    /// Polls in all, instead of the definition's `maxAttempts`.
    public var maxAttempts: Int?
    /// Seconds the whole wait may take; when they are spent the wait ends with `WaiterTimeout`.
    public var timeout: Double?
    /// Epoch seconds when the awaited activity was started (for `WaiterFreshness`); by default
    /// the moment the wait begins.
    public var since: Double?
    /// Called after every poll.
    public var progress: ((WaiterProgress) -> Void)?
    /// Called with each poll's response or error and the attempt number; what it throws ends
    /// the wait.
    public var onPoll: ((JSONValue?, AWSError?, Int) throws -> Void)?
    /// Sleeps for the given seconds; called with slices of at most `sleepSlice`.
    public var sleep: (Double) -> Void
    /// Epoch seconds now.
    public var clock: () -> Double
    /// Asked before each poll and between sleep slices; true ends the wait with `Cancelled`.
    public var isCancelled: () -> Bool
    /// The longest single sleep, so a cancellation is noticed within it.
    public var sleepSlice: Double

    public init(
        delay: Double? = nil, maxAttempts: Int? = nil, timeout: Double? = nil, since: Double? = nil,
        progress: ((WaiterProgress) -> Void)? = nil, onPoll: ((JSONValue?, AWSError?, Int) throws -> Void)? = nil,
        sleep: @escaping (Double) -> Void = WaiterOptions.systemSleep,
        clock: @escaping () -> Double = WaiterOptions.systemClock, isCancelled: @escaping () -> Bool = { false },
        sleepSlice: Double = 0.05
    ) {
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.since = since
        self.progress = progress
        self.onPoll = onPoll
        self.sleep = sleep
        self.clock = clock
        self.isCancelled = isCancelled
        self.sleepSlice = sleepSlice
    }

    /// Sleeps the calling thread.
    public static func systemSleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }

    /// Wall-clock epoch seconds.
    public static func systemClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
