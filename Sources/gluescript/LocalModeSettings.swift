import AWSCore

/// What `--local` sets aside of the user's configuration, and the one line that says so:
/// the emulator takes every request, so endpoint settings are ignored, and its throw-away
/// credentials make a profile named by `AWS_PROFILE` or `AWS_DEFAULT_PROFILE` unnecessary.
struct LocalModeSettings {
    /// The process environment without a profile variable that names a missing profile.
    var environment: AWSEnvironment
    /// The endpoint settings the emulator overrides: `--endpoint-url` and `AWS_ENDPOINT_URL*`.
    var ignoredEndpoints: [String]

    init(invocation: Invocation, environment: AWSEnvironment = .process) {
        var environment = environment
        for name in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] where environment[name] != nil {
            var probe = environment
            if name == "AWS_DEFAULT_PROFILE" { probe.variables["AWS_PROFILE"] = nil }
            do {
                _ = try ConfigResolver(environment: probe)
            } catch let error as AWSError where error.code == "ProfileNotFound" {
                environment.variables[name] = nil
            } catch {}
        }
        self.environment = environment
        var ignored = invocation.endpointURL == nil ? [] : ["--endpoint-url"]
        ignored += environment.variables.keys.filter { $0.hasPrefix("AWS_ENDPOINT_URL") && environment[$0] != nil }
            .sorted()
        ignoredEndpoints = ignored
    }

    /// The notice for stderr, nil when nothing is ignored.
    var notice: String? {
        guard !ignoredEndpoints.isEmpty else { return nil }
        return "gluescript: --local sends every request to the emulator; ignoring "
            + ignoredEndpoints.joined(separator: ", ")
    }
}
