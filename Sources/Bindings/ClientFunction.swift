import AWSCore
import Host

/// `aws.client(name, options)` and `aws.client{service=, model=, ...}`.
enum ClientFunction {
    static let options = [
        "service", "model", "region", "profile", "endpoint_url", "max_attempts", "retry_mode", "timeout",
        "connect_timeout", "credentials", "ca_bundle", "use_fips_endpoint", "use_dualstack_endpoint", "s3",
        "request_checksum_calculation", "response_checksum_validation",
    ]

    static func function(_ session: Session) -> LuaValue {
        .function(
            LuaFunction("client") { call in
                let settings: LuaTable
                switch call[1] {
                case .string, .bytes:
                    var given = try call.optionalTable(2, "options") ?? LuaTable(array: [])
                    given["service"] = call[1]
                    settings = given
                case .table(let table): settings = table
                default: throw call.argumentError(1, expected: "service name or table")
                }
                return [.object(AnyHashableObject(try make(settings, session: session)))]
            })
    }

    static func make(_ settings: LuaTable, session: Session) throws -> LuaClient {
        let function = "aws.client"
        try OptionCheck.only(options, in: settings, for: function)
        let modelPath = try settings.stringOption("model", of: function)
        guard let service = try settings.stringOption("service", of: function) ?? modelPath.map({ _ in "" }) else {
            throw AWSError(
                code: "ValidationError", message: "aws.client: give a service name, e.g. aws.client(\"glue\")")
        }
        let model = try modelPath.map { try ServiceModel.load(path: $0) } ?? session.models.model(for: service)
        let name = service.isEmpty ? model.metadata.endpointPrefix : service
        var overrides = ConfigOverrides()
        overrides.region = try settings.stringOption("region", of: function)
        overrides.profile = try settings.stringOption("profile", of: function)
        overrides.endpointURL = try settings.stringOption("endpoint_url", of: function)
        overrides.maxAttempts = try settings.integerOption("max_attempts", of: function)
        overrides.retryMode = try settings.stringOption("retry_mode", of: function)
        overrides.caBundle = try settings.stringOption("ca_bundle", of: function)
        if let credentials = try settings.tableOption("credentials", of: function) {
            overrides.credentials = try CredentialsOption.read(credentials, of: function)
        }
        let resolver = try session.resolver(overrides)
        var configuration = try resolver.configuration(
            serviceID: model.metadata.serviceID, httpClient: try session.transportForCredentials(),
            defaultRegion: ServiceEndpoint.usesUSEast1ByDefault(model.metadata) ? "us-east-1" : nil,
            credentials: try session.credentials(for: resolver))
        configuration.endpoints = try resolver.endpointSettings(given: try EndpointOptions.read(settings, of: function))
        let client = try AWSClient(
            serviceName: name, model: model, configuration: configuration, debugLog: session.debugLog)
        if let timeout = try settings.numberOption("timeout", of: function) { client.readTimeout = timeout }
        if let timeout = try settings.numberOption("connect_timeout", of: function) { client.connectTimeout = timeout }
        client.checksums = try checksumSettings(settings, default: client.checksums)
        client.isCancelled = session.isInterrupted
        return LuaClient(client: client, session: session)
    }

    /// `request_checksum_calculation` / `response_checksum_validation` given to the client
    /// (`when_supported` or `when_required`, as boto3's `Config` takes them) over `configured`.
    private static func checksumSettings(_ settings: LuaTable, default configured: ChecksumSettings) throws
        -> ChecksumSettings
    {
        var result = configured
        for (key, path) in [
            ("request_checksum_calculation", \ChecksumSettings.requestCalculation),
            ("response_checksum_validation", \ChecksumSettings.responseValidation),
        ] {
            guard let value = try settings.stringOption(key, of: "aws.client") else { continue }
            guard let mode = ChecksumSettings.Mode(rawValue: value.lowercased()) else {
                throw AWSError(
                    code: "ValidationError",
                    message:
                        "aws.client: \(key) must be when_supported or when_required, got \(QuotedValue.shortened(value))"
                )
            }
            result[keyPath: path] = mode
        }
        return result
    }
}
