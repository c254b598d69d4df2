/// Fixed credentials given explicitly (client option, `--local`'s throw-away keys).
public struct StaticCredentialsProvider: CredentialsProvider {
    public let source: String
    private let value: Credentials

    public init(_ credentials: Credentials, source: String = "explicit") {
        self.value = credentials
        self.source = source
    }

    public func credentials() throws -> Credentials { value }
}
