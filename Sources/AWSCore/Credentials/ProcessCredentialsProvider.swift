import FoundationEssentials

/// Credentials printed by the profile's `credential_process` command, run through `/bin/sh -c`.
///
/// The command prints `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken",
/// "Expiration"}`. A non-zero exit is an error carrying the command's stderr (secret fields in
/// it redacted); output that is not such a document is an error naming the field at fault (both
/// code `CredentialRetrievalError`). Errors name the profile, not the command, whose arguments
/// may hold secrets, and never quote the output.
public struct ProcessCredentialsProvider: CredentialsProvider {
    public let source = "credential_process"
    private let command: String?
    private let profileName: String
    private let path: String

    public init(files: SharedConfigFiles, profileName: String) {
        command = files.mergedProfile(profileName).string("credential_process")
        self.profileName = profileName
        path = files.configPath
    }

    public func credentials() throws -> Credentials {
        guard let command else {
            throw CredentialsProviderError.notFound(
                reason: "credential_process (not set in profile \"\(profileName)\" in \(path))")
        }
        let origin = "credential_process of profile \"\(profileName)\""
        let result = try ShellCommand.run(command)
        guard result.status == 0 else {
            let stderr = Redaction.body(String(decoding: result.stderr, as: UTF8.self)).trimmingCharacters(
                where: \.isWhitespace)
            throw CredentialsDocument.failure(
                origin, "exited with status \(result.status)" + (stderr.isEmpty ? "" : ": \(stderr)"))
        }
        let (credentials, object) = try CredentialsDocument.parse(
            result.stdout, origin: origin, tokenKey: "SessionToken")
        guard object["Version"]?.numberValue == 1 else {
            let version = object["Version"].flatMap { try? JSONEncoding.encodeString($0) } ?? "none"
            throw CredentialsDocument.failure(
                origin, "printed Version \(version); only Version 1 is supported")
        }
        return credentials
    }
}
