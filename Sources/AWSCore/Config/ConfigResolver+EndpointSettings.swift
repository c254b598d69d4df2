extension ConfigResolver {
    /// The endpoint settings: `given` (client options, e.g. `use_fips_endpoint = "true"`,
    /// `s3 = {addressing_style = "path"}` flattened to `s3.addressing_style`) first, then the
    /// environment (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, ...), then the
    /// profile (`use_fips_endpoint`, the `s3 =` nested section).
    ///
    /// A value that is not one the setting takes is an `InvalidConfiguration` error naming
    /// the setting and where it came from.
    public func endpointSettings(given: [String: String] = [:]) throws -> EndpointSettings {
        var settings = EndpointSettings()
        settings.useFIPS = try boolean(
            "use_fips_endpoint", given: given, variables: ["AWS_USE_FIPS_ENDPOINT"], profileKey: "use_fips_endpoint")
        settings.useDualStack = try boolean(
            "use_dualstack_endpoint", given: given, variables: ["AWS_USE_DUALSTACK_ENDPOINT"],
            profileKey: "use_dualstack_endpoint")
        settings.s3.addressingStyle = try choice(
            "addressing_style", among: ["auto", "virtual", "path"], given: given, variables: [], profileKey: nil)
        settings.s3.useAccelerateEndpoint = try boolean(
            "s3.use_accelerate_endpoint", given: given, variables: [], profileKey: nil)
        settings.s3.useARNRegion = try boolean(
            "s3.use_arn_region", given: given, variables: ["AWS_S3_USE_ARN_REGION"], profileKey: "s3_use_arn_region")
        settings.s3.disableMultiRegionAccessPoints = try boolean(
            "s3.disable_multiregion_access_points", given: given,
            variables: ["AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS"],
            profileKey: "s3_disable_multiregion_access_points")
        settings.s3.usEast1RegionalEndpoint = try choice(
            "us_east_1_regional_endpoint", among: ["legacy", "regional"], given: given,
            variables: ["AWS_S3_US_EAST_1_REGIONAL_ENDPOINT"], profileKey: "s3_us_east_1_regional_endpoint")
        return settings
    }

    /// One setting as text: the client option, the variables, the profile key, then the
    /// profile's `s3` section for `s3.` settings.
    private func text(_ name: String, given: [String: String], variables: [String], profileKey: String?)
        -> ConfiguredValue<String>?
    {
        let key = name.hasPrefix("s3.") ? name : (S3EndpointSettings.keys.contains(name) ? "s3." + name : name)
        if let value = given[key] { return ConfiguredValue(value, source: "the \(key) client option") }
        if let found = lookup(override: nil, variables: variables, profileKey: profileKey) { return found }
        guard key.hasPrefix("s3.") else { return nil }
        let inner = String(key.dropFirst(3))
        if let value = profile.properties["s3"]?.nested?[inner] {
            return ConfiguredValue(value, source: "the s3 section of \(profileDescription)")
        }
        return nil
    }

    private func boolean(_ name: String, given: [String: String], variables: [String], profileKey: String?) throws
        -> ConfiguredValue<Bool>?
    {
        guard let found = text(name, given: given, variables: variables, profileKey: profileKey) else { return nil }
        switch found.value.lowercased() {
        case "true": return ConfiguredValue(true, source: found.source)
        case "false": return ConfiguredValue(false, source: found.source)
        default:
            throw AWSError(
                code: "InvalidConfiguration",
                message: "\(name) must be true or false, got \"\(found.value)\" (from \(found.source))")
        }
    }

    private func choice(
        _ name: String, among choices: [String], given: [String: String], variables: [String], profileKey: String?
    ) throws -> ConfiguredValue<String>? {
        guard let found = text(name, given: given, variables: variables, profileKey: profileKey) else { return nil }
        guard choices.contains(found.value) else {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "s3.\(name) must be one of \(choices.joined(separator: ", ")), got \"\(found.value)\" "
                    + "(from \(found.source))")
        }
        return found
    }
}
