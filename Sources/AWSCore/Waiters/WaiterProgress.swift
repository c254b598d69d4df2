/// What a waiter reports after each poll.
public struct WaiterProgress: Sendable, Equatable {
    /// The waiter's name, as given to `Waiter`.
    public var waiter: String
    /// The poll just made, counting from 1.
    public var attempt: Int
    /// Seconds since the wait began.
    public var elapsed: Double
    /// The state as the service gave it: `RUNNING`, or the error code of a failed poll.
    public var state: String
    /// What the poll decided: nil when no acceptor matched (the waiter keeps polling).
    public var outcome: WaiterAcceptor.State?

    public init(waiter: String, attempt: Int, elapsed: Double, state: String, outcome: WaiterAcceptor.State?) {
        self.waiter = waiter
        self.attempt = attempt
        self.elapsed = elapsed
        self.state = state
        self.outcome = outcome
    }
}
