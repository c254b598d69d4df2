import Crypto
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder where `aws sso login` keeps IAM Identity Center tokens (`~/.aws/sso/cache`), one
/// file per sign-in named after the SHA-1 of the `sso_session` name (or of the start URL for the
/// older profile form). Written back atomically (a temporary file renamed into place), readable
/// by the owner only.
public struct SSOTokenCache: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The cache under the home folder of `environment`.
    public init(environment: AWSEnvironment) {
        self.init(directory: environment.expandingTilde("~/.aws/sso/cache"))
    }

    /// The file holding the token of `session`.
    public func path(for session: SSOSessionSettings) -> String {
        let digest = Insecure.SHA1.hash(data: Data(session.cacheKey.utf8))
        return directory + "/" + SigV4Signer.hex(digest) + ".json"
    }

    /// The cached token of `session`. A missing file is an error `SSOLoginRequired`; a file that
    /// is not a JSON object or lacks the token is `InvalidSSOTokenCache`. Both name the profile,
    /// the file and the command that signs in again, and never quote the file's contents.
    public func load(for session: SSOSessionSettings) throws -> SSOToken {
        let file = path(for: session)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AWSError(
                code: "SSOLoginRequired",
                message:
                    "profile \"\(session.profileName)\" signs in through IAM Identity Center, but there is no "
                    + "token for \(Self.describe(session)) (no \(file)). Sign in with: \(session.loginHint)")
        }
        guard let object = try? JSONDecoding.decode([UInt8](data)), object.objectValue != nil else {
            throw invalid(file, session, "is not a JSON object")
        }
        guard let token = SSOToken(jsonObject: object) else {
            throw invalid(file, session, "has no accessToken with an expiresAt time")
        }
        return token
    }

    /// Writes `token` as the cache file of `session`, replacing it in one step.
    public func save(_ token: SSOToken, for session: SSOSessionSettings) throws {
        let file = path(for: session)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let data = Data(try JSONEncoding.encode(token.jsonObject, options: [.sortedKeys]))
            let temporary = file + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
            guard
                FileManager.default.createFile(
                    atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
            else {
                throw AWSError(code: "SSOTokenCacheWriteError", message: "cannot write \(temporary)")
            }
            guard rename(temporary, file) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw AWSError(code: "SSOTokenCacheWriteError", message: "cannot replace \(file): \(reason)")
            }
        } catch let error as AWSError {
            throw error
        } catch {
            throw AWSError(
                code: "SSOTokenCacheWriteError", message: "cannot write \(file): \(FileErrorText.describe(error))")
        }
    }

    static func describe(_ session: SSOSessionSettings) -> String {
        session.sessionName.map { "sso_session \"\($0)\"" } ?? "sso_start_url \(session.startURL)"
    }

    private func invalid(_ file: String, _ session: SSOSessionSettings, _ problem: String) -> AWSError {
        AWSError(
            code: "InvalidSSOTokenCache",
            message:
                "the IAM Identity Center token cache \(file) (for \(Self.describe(session)) of profile "
                + "\"\(session.profileName)\") \(problem). Sign in again with: \(session.loginHint)")
    }
}
