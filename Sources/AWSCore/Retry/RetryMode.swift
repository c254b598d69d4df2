/// How failed calls are retried, as `retry_mode` / `AWS_RETRY_MODE` name it.
public enum RetryMode: String, Sendable {
    /// botocore's standard mode: 3 attempts, capped backoff, a retry quota.
    case standard
    /// botocore's legacy mode: 5 attempts, uncapped backoff, no quota.
    case legacy
    /// botocore's adaptive mode: standard mode plus a client-side rate limiter that throttling
    /// answers slow down (`ClientRateLimiter`).
    case adaptive

    /// Reads a mode name.
    public init(parsing name: String) throws {
        switch name.lowercased() {
        case "standard": self = .standard
        case "adaptive": self = .adaptive
        case "legacy": self = .legacy
        default:
            throw AWSError(
                code: "InvalidRetryMode",
                message: "retry mode '\(name)' is not known; use 'standard', 'adaptive' or 'legacy'")
        }
    }

    /// Attempts made when the configuration does not say, the first included.
    public var defaultMaxAttempts: Int {
        switch self {
        case .standard, .adaptive: return 3
        case .legacy: return 5
        }
    }
}
