/// Hands on a Glue job run's log lines, and with `follow` keeps reading until the run has
/// reached a final state and the lines logged until then are read.
///
/// The run's state is asked (GetJobRun) before each read, so the read after the first final
/// state seen takes in every line logged before the run ended; as CloudWatch Logs may take
/// in the last lines a little later, reading goes on every poll until a read finds nothing
/// new (at most `settleReads` more reads).
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
    /// Reads after the run has ended, until one finds nothing new.
    public var settleReads = 6

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
            count += try emitNew(reader, emit)
            if !follow { return (count, state) }
            if state.map(Self.finalStates.contains) == true { break }
            try pause()
            state = try runState()
        }
        for _ in 0..<settleReads {
            try pause()
            let new = try emitNew(reader, emit)
            count += new
            if new == 0 { break }
        }
        return (count, state)
    }

    private func emitNew(_ reader: JobLogReader, _ emit: (JobLogLine) throws -> Void) throws -> Int {
        let lines = try reader.readNew()
        for line in lines { try emit(line) }
        return lines.count
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
