/// How a client retries: the mode and the total number of attempts, the first included.
public struct RetrySettings: Sendable, Equatable {
    /// Retry modes as botocore names them; gluescript implements `standard`.
    public enum Mode: String, Sendable, CaseIterable {
        case standard, legacy, adaptive
    }

    public var mode: Mode
    public var maxAttempts: Int

    public init(mode: Mode = .standard, maxAttempts: Int = 3) {
        self.mode = mode
        self.maxAttempts = maxAttempts
    }
}
