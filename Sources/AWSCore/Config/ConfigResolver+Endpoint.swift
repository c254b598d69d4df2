import FoundationEssentials

extension ConfigResolver {
    /// Whether configured endpoint URLs (environment and files) are switched off, by
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or the profile's `ignore_configured_endpoint_urls`.
    public var ignoresConfiguredEndpointURLs: Bool {
        lookup(
            override: nil, variables: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"],
            profileKey: "ignore_configured_endpoint_urls"
        ).map { Self.isTrue($0.value) } ?? false
    }

    /// The endpoint URL for the service with `serviceID` (the model's `serviceId`, e.g. `S3`,
    /// `Glue`, `IAM`), or nil for the service's default endpoint.
    ///
    /// Order: the override; `AWS_ENDPOINT_URL_<SERVICE_ID>`; `AWS_ENDPOINT_URL`; the service's
    /// `endpoint_url` in the `[services name]` section the profile's `services` names; the
    /// profile's `endpoint_url`. All but the override are skipped when configured endpoints are
    /// ignored.
    public func endpointURL(serviceID: String) -> ConfiguredValue<String>? {
        if let url = overrides.endpointURL {
            return ConfiguredValue(url, source: "--endpoint-url / endpoint_url option")
        }
        if ignoresConfiguredEndpointURLs { return nil }
        let key = serviceID.replacingEvery(" ", with: "_")
        let serviceVariable = "AWS_ENDPOINT_URL_" + key.uppercased()
        for name in [serviceVariable, "AWS_ENDPOINT_URL"] {
            if let url = environment[name] { return ConfiguredValue(url, source: name) }
        }
        if let sectionName = profile.string("services"),
            let url = files.services[sectionName]?[key.lowercased()]?["endpoint_url"], !url.isEmpty
        {
            return ConfiguredValue(
                url, source: "[services \(sectionName)] \(key.lowercased()) in \(files.configPath)")
        }
        return profileSetting("endpoint_url")
    }
}
