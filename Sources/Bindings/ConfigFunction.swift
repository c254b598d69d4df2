import AWSCore
import Host

/// `aws.config()` shows what is resolved; `aws.config{...}` sets session defaults first.
enum ConfigFunction {
    static let options = [
        "region", "profile", "endpoint_url", "max_attempts", "retry_mode", "ca_bundle", "debug", "credentials",
    ]

    static func function(_ session: Session) -> LuaValue {
        .function(
            LuaFunction("config") { call in
                if let settings = try call.optionalTable(1, "settings") {
                    try apply(settings, to: session)
                }
                return [.table(try describe(session))]
            })
    }

    static func apply(_ settings: LuaTable, to session: Session) throws {
        let name = "aws.config"
        try OptionCheck.only(options, in: settings, for: name)
        var next = session.scriptSettings
        if let region = try settings.stringOption("region", of: name) { next.region = region }
        if let profile = try settings.stringOption("profile", of: name) { next.profile = profile }
        if let url = try settings.stringOption("endpoint_url", of: name) { next.endpointURL = url }
        if let attempts = try settings.integerOption("max_attempts", of: name) { next.maxAttempts = attempts }
        if let mode = try settings.stringOption("retry_mode", of: name) { next.retryMode = mode }
        if let bundle = try settings.stringOption("ca_bundle", of: name) { next.caBundle = bundle }
        if let credentials = try settings.tableOption("credentials", of: name) {
            next.credentials = try CredentialsOption.read(credentials, of: name)
        }
        let resolver = try ConfigResolver(environment: session.environment, overrides: session.flags.overlaid(by: next))
        _ = try resolver.retrySettings()
        session.scriptSettings = next
        session.resetCredentials()
        if let debug = try settings.booleanOption("debug", of: name) { session.debug = debug }
    }

    /// The resolved settings as a table: values and where each came from; never the secret.
    static func describe(_ session: Session) throws -> LuaTable {
        let resolver = try session.resolver()
        let summary = try resolver.summary(serviceID: "", credentials: try session.credentials(for: resolver))
        var table = LuaTable(array: [])
        table["profile"] = .string(summary.profile.value)
        table["profile_source"] = .string(summary.profile.source)
        if let region = summary.region {
            table["region"] = .string(region.value)
            table["region_source"] = .string(region.source)
        }
        if let endpoint = summary.endpointURL {
            table["endpoint_url"] = .string(endpoint.value)
            table["endpoint_source"] = .string(endpoint.source)
        }
        if let source = summary.credentialSource { table["credential_source"] = .string(source) }
        if let key = summary.accessKeyID { table["access_key_id"] = .string(key) }
        table["retry_mode"] = .string(summary.retry.mode.rawValue)
        table["max_attempts"] = .integer(Int64(summary.retry.maxAttempts))
        if let bundle = summary.caBundle { table["ca_bundle"] = .string(bundle) }
        table["config_file"] = .string(summary.configFile)
        table["credentials_file"] = .string(summary.credentialsFile)
        table["debug"] = .boolean(session.debug)
        return table
    }
}

/// `{access_key_id=, secret_access_key=, session_token=}` as credentials.
enum CredentialsOption {
    static func read(_ table: LuaTable, of function: String) throws -> Credentials {
        try OptionCheck.only(
            ["access_key_id", "secret_access_key", "session_token"], in: table, for: function + " credentials")
        guard let key = try table.stringOption("access_key_id", of: function),
            let secret = try table.stringOption("secret_access_key", of: function)
        else {
            throw AWSError(
                code: "ValidationError",
                message: "\(function): credentials need both access_key_id and secret_access_key")
        }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret,
            sessionToken: try table.stringOption("session_token", of: function))
    }
}
