extension ConfigResolver {
    /// Retry mode and attempts: override, `AWS_RETRY_MODE` / `AWS_MAX_ATTEMPTS`, the profile's
    /// `retry_mode` / `max_attempts`, else standard mode with 3 attempts. A value that is not a
    /// known mode or a whole number of at least 1 is an error `InvalidConfiguration`.
    public func retrySettings() throws -> RetrySettings {
        var mode = RetryMode.standard
        var maxAttempts: Int?
        let attempts = lookup(
            override: overrides.maxAttempts.map(String.init), variables: ["AWS_MAX_ATTEMPTS"],
            profileKey: "max_attempts")
        if let attempts {
            guard let count = Int(attempts.value), count >= 1 else {
                throw AWSError(
                    code: "InvalidConfiguration",
                    message: "max_attempts from \(attempts.source) must be a whole number of at least 1, "
                        + "got \"\(attempts.value)\"")
            }
            maxAttempts = count
        }
        if let configured = lookup(
            override: overrides.retryMode, variables: ["AWS_RETRY_MODE"], profileKey: "retry_mode")
        {
            guard let known = try? RetryMode(parsing: configured.value) else {
                throw AWSError(
                    code: "InvalidConfiguration",
                    message: "retry_mode from \(configured.source) must be one of standard, legacy, adaptive, "
                        + "got \"\(configured.value)\"")
            }
            mode = known
        }
        return RetrySettings(mode: mode, maxAttempts: maxAttempts)
    }
}
