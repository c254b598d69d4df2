/// How failed calls are retried, as `retry_mode` / `AWS_RETRY_MODE` name it.
public enum RetryMode: String, Sendable {
    /// botocore's standard mode: 3 attempts, capped backoff, a retry quota.
    case standard
    /// botocore's legacy mode: 5 attempts, uncapped backoff, no quota.
    case legacy

    /// Reads a mode name. `adaptive` is taken as `standard`: gluescript has no client-side
    /// rate limiter, and standard mode is what adaptive mode builds on.
    public init(parsing name: String) throws {
        switch name.lowercased() {
        case "standard", "adaptive": self = .standard
        case "legacy": self = .legacy
        default:
            throw AWSError(
                code: "InvalidRetryMode",
                message: "retry mode '\(name)' is not known; use 'standard' or 'legacy'")
        }
    }

    /// Attempts made when the configuration does not say, the first included.
    public var defaultMaxAttempts: Int {
        switch self {
        case .standard: return 3
        case .legacy: return 5
        }
    }
}
