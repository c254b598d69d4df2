import FoundationEssentials

/// Credentials of a role, from STS AssumeRole called with the source profile's credentials.
/// Wrap it in a `CachingCredentialsProvider` so the role is assumed again only near expiry.
/// Safe to share between threads: its STS client (which is not) is only used under `lock`,
/// one AssumeRole call at a time.
public struct AssumeRoleCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    public let source = "assume-role"
    public let settings: AssumeRoleSettings
    /// An STS client signing with the source credentials; used only while holding `lock`.
    let sts: AWSClient
    private let lock = Lock()
    /// Asks for the code when the profile has `mfa_serial`.
    let mfa: MFACodePrompt?

    public init(settings: AssumeRoleSettings, sts: AWSClient, mfa: MFACodePrompt? = nil) {
        self.settings = settings
        self.sts = sts
        self.mfa = mfa
    }

    public func credentials() throws -> Credentials {
        lock.lock()
        defer { lock.unlock() }
        var input: [String: JSONValue] = [
            "RoleArn": .string(settings.roleARN), "RoleSessionName": .string(settings.sessionName),
        ]
        if let externalID = settings.externalID { input["ExternalId"] = .string(externalID) }
        if let duration = settings.durationSeconds { input["DurationSeconds"] = .integer(Int64(duration)) }
        if let serial = settings.mfaSerial, let mfa {
            input["SerialNumber"] = .string(serial)
            input["TokenCode"] = .string(try mfa.code(for: serial))
        }
        let output = try sts.call("AssumeRole", .object(.init(uniqueKeysWithValues: input.sorted { $0.key < $1.key })))
        guard let given = output["Credentials"], let key = given["AccessKeyId"]?.stringValue,
            let secret = given["SecretAccessKey"]?.stringValue
        else {
            throw AWSError(
                code: "InvalidCredentials", message: "STS AssumeRole of \(settings.roleARN) returned no credentials")
        }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: given["SessionToken"]?.stringValue,
            expiration: given["Expiration"]?.stringValue.flatMap { Timestamp(parsing: $0)?.epochSeconds })
    }
}
