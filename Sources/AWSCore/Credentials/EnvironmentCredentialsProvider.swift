/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (or the
/// older `AWS_SECURITY_TOKEN`). An access key without a secret is an error `PartialCredentials`.
public struct EnvironmentCredentialsProvider: CredentialsProvider {
    public let source = "environment"
    private let environment: AWSEnvironment

    public init(environment: AWSEnvironment) {
        self.environment = environment
    }

    public func credentials() throws -> Credentials {
        guard let accessKey = environment["AWS_ACCESS_KEY_ID"] else {
            throw CredentialsProviderError.notFound(reason: "environment (AWS_ACCESS_KEY_ID is not set)")
        }
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            throw AWSError(
                code: "PartialCredentials",
                message: "AWS_ACCESS_KEY_ID is set in the environment but AWS_SECRET_ACCESS_KEY is not")
        }
        return Credentials(
            accessKeyID: accessKey, secretAccessKey: secret,
            sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"])
    }
}
