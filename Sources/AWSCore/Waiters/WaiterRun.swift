/// One wait in progress, a poll at a time: `Waiter.wait` loops over it, and a caller that must
/// not block (a wait inside `aws.parallel`) makes each poll and each pause itself.
///
/// For each poll: `beginPoll`, then the poll, then `judge` with its answer, which returns the
/// final response or the pause before the next poll (or throws how the wait ended); after the
/// pause, `endPause`.
public struct WaiterRun {
    /// What comes after a poll.
    public enum Next {
        case finished(JSONValue)
        case pause(seconds: Double)
    }

    public let waiter: Waiter
    private let delay: Double
    private let maxAttempts: Int
    private let start: Double
    private let reference: Double
    private var sawRetry = false
    /// Polls begun so far.
    public private(set) var attempt = 0

    public init(_ waiter: Waiter) {
        self.waiter = waiter
        delay = max(0, waiter.options.delay ?? waiter.definition.delay)
        maxAttempts = max(1, waiter.options.maxAttempts ?? waiter.definition.maxAttempts)
        start = waiter.options.clock()
        reference = waiter.options.since ?? start
    }

    /// Throws `Cancelled` when the wait was interrupted, and counts the poll.
    public mutating func beginPoll() throws {
        try checkCancelled()
        attempt += 1
    }

    /// Decides on the poll's answer (`response`, or the error it failed with).
    public mutating func judge(response: JSONValue?, failure: AWSError?) throws -> Next {
        let options = waiter.options
        let definition = waiter.definition
        try options.onPoll?(response, failure, attempt)
        var outcome = try definition.acceptors.first { try $0.matches(response: response, error: failure) }?.state
        let state = waiter.stateText(response: response, error: failure)
        let matchedRetry = outcome == .retry
        if outcome == .success || outcome == .failure, let freshness = definition.freshness,
            !freshness.accepts(response: response, attempt: attempt, sawRetry: sawRetry, reference: reference)
        {
            outcome = .retry
        }
        let elapsed = options.clock() - start
        options.progress?(
            WaiterProgress(waiter: waiter.name, attempt: attempt, elapsed: elapsed, state: state, outcome: outcome))
        let last = Waiter.LastPoll(attempt: attempt, elapsed: elapsed, state: state, error: failure)
        switch outcome {
        case .success?:
            return .finished(response ?? failure.map(Waiter.errorResponse) ?? .object([:]))
        case .failure?:
            let acceptor = try definition.acceptors.first { try $0.matches(response: response, error: failure) }
            throw waiter.failed(last, because: acceptor?.explanation ?? "a failure state")
        case .retry?:
            sawRetry = sawRetry || matchedRetry
        case nil:
            if let failure { throw failure }
        }
        if attempt >= maxAttempts { throw waiter.timedOut(last, reason: "max_attempts") }
        var pause = delay
        if let timeout = options.timeout {
            let remaining = timeout - (options.clock() - start)
            guard remaining > 0 else { throw waiter.timedOut(last, reason: "timeout") }
            pause = min(pause, remaining)
        }
        lastPoll = last
        return .pause(seconds: pause)
    }

    private var lastPoll: Waiter.LastPoll?

    /// After the pause: throws `WaiterTimeout` when the time-out has passed meanwhile.
    public func endPause() throws {
        if let timeout = waiter.options.timeout, let lastPoll,
            waiter.options.clock() - start > timeout + Waiter.clockTolerance
        {
            throw waiter.timedOut(lastPoll, reason: "timeout")
        }
    }

    /// Throws `Cancelled` once the waiter's options say the wait was interrupted.
    public func checkCancelled() throws {
        guard waiter.options.isCancelled() else { return }
        throw AWSError(
            code: "Cancelled",
            message: "waiter \(waiter.name) was cancelled after \(attempt) attempt\(attempt == 1 ? "" : "s")",
            attempts: attempt, fields: ["waiter": .string(waiter.name), "attempts": .integer(Int64(attempt))])
    }
}
