import FoundationEssentials

/// Credentials of a role from STS `AssumeRoleWithWebIdentity`, called unsigned with the token
/// read afresh from its file at every call (the file is rotated by whoever wrote it, as
/// Kubernetes does). Wrap it in a `CachingCredentialsProvider` so the role is assumed again
/// only near expiry.
public struct WebIdentityCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    public let source = "assume-role-with-web-identity"
    public let settings: WebIdentitySettings
    /// An STS client; the operation is unsigned, so its credentials are never asked for.
    let sts: AWSClient

    public init(settings: WebIdentitySettings, sts: AWSClient) {
        self.settings = settings
        self.sts = sts
    }

    public func credentials() throws -> Credentials {
        let input: JSONValue = .object([
            "RoleArn": .string(settings.roleARN), "RoleSessionName": .string(settings.sessionName),
            "WebIdentityToken": .string(try readToken()),
        ])
        let output = try sts.call("AssumeRoleWithWebIdentity", input)
        guard let given = output["Credentials"], let key = given["AccessKeyId"]?.stringValue,
            let secret = given["SecretAccessKey"]?.stringValue
        else {
            throw AWSError(
                code: "InvalidCredentials",
                message: "STS AssumeRoleWithWebIdentity of \(settings.roleARN) returned no credentials")
        }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: given["SessionToken"]?.stringValue,
            expiration: given["Expiration"]?.stringValue.flatMap { Timestamp(parsing: $0)?.epochSeconds })
    }

    /// The token, trimmed; a missing, unreadable or empty file is an error naming the setting
    /// and the file, never the token.
    func readToken() throws -> String {
        guard let data = FileManager.default.contents(atPath: settings.tokenFile) else {
            throw AWSError(
                code: "InvalidConfiguration",
                message:
                    "the web identity token file \(settings.tokenFile) (from \(settings.tokenFileSource)) "
                    + "does not exist or cannot be read")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(where: \.isWhitespace)
        guard !token.isEmpty else {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "the web identity token file \(settings.tokenFile) (from \(settings.tokenFileSource)) is empty"
            )
        }
        return token
    }
}
