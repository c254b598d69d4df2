/// How a client retries: the mode and the total number of attempts, the first included.
public struct RetrySettings: Sendable, Equatable {
    public var mode: RetryMode
    public var maxAttempts: Int

    /// `maxAttempts` nil means the mode's own default (3 for standard, 5 for legacy).
    public init(mode: RetryMode = .standard, maxAttempts: Int? = nil) {
        self.mode = mode
        self.maxAttempts = maxAttempts ?? mode.defaultMaxAttempts
    }
}
