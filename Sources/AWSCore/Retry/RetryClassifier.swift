/// Why an error may be worth retrying; the kind sets the quota cost.
public enum RetryReason: Sendable, Equatable {
    /// A server or network hiccup (5xx, connection reset, truncated body).
    case transient
    /// The client took too long to connect or to read.
    case timeout
    /// The service asked the client to slow down.
    case throttling
}

/// Decides from an error's code and HTTP status whether a retry might cure it, with the lists
/// botocore uses in each retry mode.
public enum RetryClassifier {
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    static let connectionCodes: Set<String> = ["ConnectionError", "TruncatedBody"]
    static let timeoutCodes: Set<String> = ["ConnectTimeout", "ReadTimeout"]
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    static let legacyThrottlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "ProvisionedThroughputExceededException",
    ]
    static let legacyStatuses: Set<Int> = [429, 500, 502, 503, 504, 509]

    /// Why `error` may be retried in `mode`, or nil if it should not be. An error the
    /// protocol layer already marked `retryable` (a modeled retryable error) counts as transient.
    public static func reason(for error: AWSError, mode: RetryMode) -> RetryReason? {
        if timeoutCodes.contains(error.code) { return .timeout }
        if connectionCodes.contains(error.code) { return .transient }
        switch mode {
        case .standard, .adaptive:
            if throttlingCodes.contains(error.code) { return .throttling }
            if transientCodes.contains(error.code) { return .transient }
            if let status = error.status, transientStatuses.contains(status) { return .transient }
        case .legacy:
            if legacyThrottlingCodes.contains(error.code) { return .throttling }
            if let status = error.status, legacyStatuses.contains(status) { return .transient }
        }
        return error.retryable ? .transient : nil
    }
}
