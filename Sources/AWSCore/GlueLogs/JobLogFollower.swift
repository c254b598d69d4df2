/// Hands on a Glue job run's log lines, and with `follow` keeps reading until the run has
/// reached a final state and the lines logged until then are read.
///
/// The run's state is asked (GetJobRun) before each read, so the read after the first final
/// state seen takes in every line logged before the run ended.
public struct JobLogFollower {
    /// The states after which a run logs nothing more.
    public static let finalStates: Set<String> = ["SUCCEEDED", "FAILED", "STOPPED", "TIMEOUT", "ERROR", "EXPIRED"]

    public var follow = false
    /// Seconds between reads while following.
    public var pollInterval = 5.0
    /// Sleeps the given seconds (in slices of `sleepSlice`, so Ctrl-C is noticed).
    public var sleep: (Double) -> Void = WaiterOptions.systemSleep
    public var sleepSlice = 0.05
    /// True ends the reading with a `Cancelled` error.
    public var isCancelled: () -> Bool = { false }

    public init() {}

    /// Reads with `reader`, calling `emit` with each line; `runState` gives the run's
    /// `JobRunState`. Returns the number of lines and the last state seen.
    @discardableResult
    public func run(
        reader: JobLogReader, initialState: String?, runState: () throws -> String?,
        emit: (JobLogLine) throws -> Void
    ) throws -> (lines: Int, state: String?) {
        var state = initialState
        var count = 0
        while true {
            try checkCancelled()
            for line in try reader.readNew() {
                try emit(line)
                count += 1
            }
            if !follow || state.map(Self.finalStates.contains) == true { return (count, state) }
            try pause()
            state = try runState()
        }
    }

    private func pause() throws {
        var left = pollInterval
        while left > 0 {
            try checkCancelled()
            let step = min(left, sleepSlice > 0 ? sleepSlice : 0.05)
            sleep(step)
            left -= step
        }
    }

    private func checkCancelled() throws {
        if isCancelled() { throw AWSError(code: "Cancelled", message: "reading the job's logs was interrupted") }
    }
}
