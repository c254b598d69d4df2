import OrderedCollections

/// Endpoints from the service's endpoint rules, as botocore resolves them for each call: the
/// rules' built-in parameters come from configuration, the others from the operation's input
/// (`contextParam`) and model (`staticContextParams`).
extension AWSClient {
    /// The endpoint for one call of `operation` with `input`, in `region` (the client's unless
    /// a bucket's region is known). Services without rules use the client's endpoint.
    func endpoint(for operation: OperationModel, _ input: JSONValue, region: String? = nil) throws
        -> ServiceEndpoint
    {
        guard let rules = model.endpointRules else {
            return region.map(endpoint(in:)) ?? endpoint
        }
        let region = region ?? self.region
        let shortcut = InputFreeEndpointKey(operation: operation.name, region: region)
        if let known = inputFreeEndpoints[shortcut] { return known }
        var parameters = cachedBuiltInParameters(rules, region: region)
        var usesInput = false
        for (name, value) in operation.staticContextParams where rules.parameters[name] != nil {
            parameters[name] = value
            usesInput = true
        }
        for (name, member) in operation.input?.members ?? [:] {
            guard let parameter = member.contextParam, rules.parameters[parameter] != nil else { continue }
            usesInput = true
            guard let value = input[name], value != .null else { continue }
            parameters[parameter] = value
        }
        if isS3 { adjustS3Parameters(&parameters, operation: operation) }
        let key = EndpointCache.Key(
            region: region, parameters: parameters.filter { rules.referencedParameters.contains($0.key) })
        do {
            let resolved = try resolvedEndpoints.value(for: key) {
                try serviceEndpoint(try rules.resolve(parameters), region: region)
            }
            if !usesInput { inputFreeEndpoints[shortcut] = resolved }
            return resolved
        } catch var error as AWSError where error.code == "EndpointError" {
            error.message += settingsContext(for: error.message, parameters: parameters)
            error.service = serviceName
            error.operation = operation.name
            throw error
        }
    }

    /// `builtInParameters` for `region`, made once per region while the settings stay the same.
    private func cachedBuiltInParameters(_ rules: EndpointRuleSet, region: String) -> [String: JSONValue] {
        if let known = builtInParameterCache[region] { return known }
        let made = builtInParameters(rules, region: region)
        builtInParameterCache[region] = made
        return made
    }

    /// What the endpoint rules give for `parameters` (named as the rules name them), over the
    /// client's own built-in values: for debugging (`client:resolve_endpoint`).
    public func resolveEndpoint(_ parameters: [String: JSONValue]) throws -> ResolvedEndpoint {
        guard let rules = model.endpointRules else {
            throw AWSError(
                code: "EndpointError", message: "\(serviceName) has no endpoint rules (endpoint-rule-set-1.json)",
                service: serviceName)
        }
        var all = builtInParameters(rules, region: region)
        for (name, value) in parameters { all[name] = value }
        return try rules.resolve(all)
    }

    /// The rules' built-in parameters (`AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`, ...) as
    /// botocore sets them from the client's configuration.
    func builtInParameters(_ rules: EndpointRuleSet, region: String) -> [String: JSONValue] {
        let settings = endpointSettings
        let s3 = settings.s3
        let custom = customEndpointURL
        let accelerate = s3.useAccelerateEndpoint?.value ?? false
        let forcePathStyle: Bool
        if accelerate {
            forcePathStyle = false
        } else if custom != nil {
            forcePathStyle = s3.addressingStyle?.value != "virtual"
        } else {
            forcePathStyle = s3.addressingStyle?.value == "path"
        }
        let values: [String: JSONValue?] = [
            "AWS::Region": .string(region),
            "AWS::UseFIPS": .bool(custom == nil && (settings.useFIPS?.value ?? false)),
            "AWS::UseDualStack": .bool(custom == nil && (settings.useDualStack?.value ?? false)),
            "AWS::STS::UseGlobalEndpoint": .bool(false),
            "AWS::S3::UseGlobalEndpoint": .bool(
                (s3.usEast1RegionalEndpoint?.value ?? "legacy") == "legacy" && region == "us-east-1"),
            "AWS::S3::Accelerate": .bool(accelerate),
            "AWS::S3::ForcePathStyle": .bool(forcePathStyle),
            "AWS::S3::UseArnRegion": .bool(s3.useARNRegion?.value ?? true),
            "AWS::S3::DisableMultiRegionAccessPoints": .bool(s3.disableMultiRegionAccessPoints?.value ?? false),
            "SDK::Endpoint": custom.map(JSONValue.string),
        ]
        var parameters: [String: JSONValue] = [:]
        for (name, parameter) in rules.parameters {
            if let builtIn = parameter.builtIn, let value = values[builtIn] ?? nil { parameters[name] = value }
        }
        return parameters
    }

    /// botocore's per-call S3 adjustments: GetBucketLocation always path-style (its answer
    /// must not depend on the bucket's region), ARN buckets never.
    private func adjustS3Parameters(_ parameters: inout [String: JSONValue], operation: OperationModel) {
        guard parameters["ForcePathStyle"] != nil else { return }
        if operation.name == "GetBucketLocation" {
            parameters["ForcePathStyle"] = .bool(true)
        } else if let bucket = parameters["Bucket"]?.stringValue,
            EndpointFunctions.parseARN(bucket) != nil
                || bucket.hasPrefix("arn:")
        {
            parameters["ForcePathStyle"] = .bool(false)
        }
    }

    /// A resolved endpoint as the client uses it: its URL, and the signing name and region of
    /// its auth scheme (SigV4; SigV4a is refused with a clear error).
    private func serviceEndpoint(_ resolved: ResolvedEndpoint, region: String) throws -> ServiceEndpoint {
        var url = try AWSURL(parsing: resolved.url)
        if url.path.hasSuffix("/") && url.path != "/" { url.path.removeLast() }
        var endpoint = ServiceEndpoint(url: url, signingRegion: region, isCustom: customEndpointURL != nil)
        endpoint.fromRules = true
        endpoint.headers = resolved.headers.flatMap { name, values in values.map { (name, $0) } }
        let schemes = resolved.properties["authSchemes"]?.arrayValue ?? []
        // SigV4 where the endpoint allows it, as botocore without its CRT extra does
        // (Outposts list SigV4a before SigV4); SigV4a where it is the only one (multi-region
        // access points).
        if let scheme = schemes.first(where: { $0["name"]?.stringValue == "sigv4" }) {
            if let signingRegion = scheme["signingRegion"]?.stringValue { endpoint.signingRegion = signingRegion }
            endpoint.signingName = scheme["signingName"]?.stringValue
        } else if let scheme = schemes.first(where: { $0["name"]?.stringValue == "sigv4a" }) {
            let regions = scheme["signingRegionSet"]?.arrayValue?.compactMap(\.stringValue) ?? []
            endpoint.signingRegionSet = regions.isEmpty ? "*" : regions.joined(separator: ",")
            endpoint.signingName = scheme["signingName"]?.stringValue
        } else if let name = schemes.first?["name"]?.stringValue {
            throw AWSError(
                code: "UnsupportedSigning",
                message: "the endpoint \(resolved.url) needs \(name) signing, which gluescript does not do",
                service: serviceName)
        }
        return endpoint
    }

    /// The settings an endpoint rules' error is about, with where each came from.
    private func settingsContext(for message: String, parameters: [String: JSONValue]) -> String {
        let settings = endpointSettings
        let lowercased = message.lowercased()
        var named: [String] = []
        func mention(_ setting: String, _ value: ConfiguredValue<Bool>?, when words: [String]) {
            guard let value, value.value, words.contains(where: { lowercased.contains($0.lowercased()) })
            else { return }
            named.append("\(setting) = true (from \(value.source))")
        }
        mention("use_fips_endpoint", settings.useFIPS, when: ["FIPS"])
        mention("use_dualstack_endpoint", settings.useDualStack, when: ["dual-stack", "dualstack", "DualStack"])
        mention("s3.use_accelerate_endpoint", settings.s3.useAccelerateEndpoint, when: ["Accelerate"])
        mention(
            "s3.disable_multiregion_access_points", settings.s3.disableMultiRegionAccessPoints,
            when: ["Multi-Region", "MRAP"])
        if let style = settings.s3.addressingStyle, lowercased.contains("path-style") {
            named.append("s3.addressing_style = \(style.value) (from \(style.source))")
        }
        if let arnRegion = settings.s3.useARNRegion,
            message.contains("use_arn_region") || message.contains("UseArnRegion")
        {
            named.append("s3.use_arn_region = \(arnRegion.value) (from \(arnRegion.source))")
        }
        if customEndpointURL != nil, lowercased.contains("custom endpoint") {
            named.append("endpoint_url (from \(customEndpointSource ?? "configuration"))")
        }
        if message.contains("partition") || message.contains("region") {
            named.append("region \(region)" + (regionSource.map { " (from \($0))" } ?? ""))
        }
        if let bucket = parameters["Bucket"]?.stringValue, bucket.hasPrefix("arn:") {
            named.append("Bucket \(bucket)")
        }
        return named.isEmpty ? "" : " [settings: " + named.joined(separator: "; ") + "]"
    }
}
