extension ConfigResolver {
    /// Retry mode and attempts: override, `AWS_RETRY_MODE` / `AWS_MAX_ATTEMPTS`, the profile's
    /// `retry_mode` / `max_attempts`, else standard mode with 3 attempts. A value that is not a
    /// known mode or a whole number of at least 1 is an error `InvalidConfiguration`.
    public func retrySettings() throws -> RetrySettings {
        var settings = RetrySettings()
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
            settings.maxAttempts = count
        }
        if let mode = lookup(
            override: overrides.retryMode, variables: ["AWS_RETRY_MODE"], profileKey: "retry_mode")
        {
            guard let known = RetrySettings.Mode(rawValue: mode.value.lowercased()) else {
                let names = RetrySettings.Mode.allCases.map(\.rawValue).joined(separator: ", ")
                throw AWSError(
                    code: "InvalidConfiguration",
                    message: "retry_mode from \(mode.source) must be one of \(names), got \"\(mode.value)\"")
            }
            settings.mode = known
        }
        return settings
    }
}
