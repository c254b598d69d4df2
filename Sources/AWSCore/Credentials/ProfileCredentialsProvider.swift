/// Keys written into a profile: `aws_access_key_id`, `aws_secret_access_key` and
/// `aws_session_token` (or the older `aws_security_token`), from the shared credentials file or
/// from the config file. A key id without a secret is an error `PartialCredentials`.
public struct ProfileCredentialsProvider: CredentialsProvider {
    /// Which of the two shared files the keys are read from.
    public enum File: Sendable {
        case credentials, config
    }

    public let source: String
    private let profile: ConfigProfile?
    private let profileName: String
    private let path: String

    public init(file: File, files: SharedConfigFiles, profileName: String) {
        switch file {
        case .credentials:
            source = "shared-credentials-file"
            profile = files.credentialsProfiles[profileName]
            path = files.credentialsPath
        case .config:
            source = "config-file"
            profile = files.configProfiles[profileName]
            path = files.configPath
        }
        self.profileName = profileName
    }

    public func credentials() throws -> Credentials {
        guard let profile, let accessKey = profile.string("aws_access_key_id") else {
            throw CredentialsProviderError.notFound(
                reason: "\(source) \(path) (no aws_access_key_id in profile \"\(profileName)\")")
        }
        guard let secret = profile.string("aws_secret_access_key") else {
            throw AWSError(
                code: "PartialCredentials",
                message:
                    "profile \"\(profileName)\" in \(path) has aws_access_key_id but no aws_secret_access_key"
            )
        }
        return Credentials(
            accessKeyID: accessKey, secretAccessKey: secret,
            sessionToken: profile.string("aws_session_token") ?? profile.string("aws_security_token"))
    }
}
