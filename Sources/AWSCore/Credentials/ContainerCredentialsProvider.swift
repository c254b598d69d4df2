import FoundationEssentials

/// Credentials from the container credentials endpoint (ECS tasks, EKS pod identity), as
/// botocore's ContainerProvider fetches them.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is fetched from `http://169.254.170.2<uri>`;
/// otherwise `AWS_CONTAINER_CREDENTIALS_FULL_URI`, which must be https or a loopback or
/// container-metadata host. `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read at every fetch) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` is sent as the `Authorization` header. Each fetch makes
/// up to 3 attempts with a 2 s time-out, 1 s apart; when they all fail that is an error
/// `CredentialRetrievalError`. Errors never quote an answer's body, which may hold secrets, nor
/// the password of a URL.
public struct ContainerCredentialsProvider: CredentialsProvider {
    public let source = "container"
    static let allowedHosts: Set<String> = [
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost",
    ]

    private let environment: AWSEnvironment
    private let client: CredentialHTTPClient
    private let sleep: @Sendable (Double) -> Void
    private let timeout: Double
    private let attempts: Int

    public init(
        environment: AWSEnvironment, client: CredentialHTTPClient, timeout: Double = 2,
        attempts: Int = 3,
        sleep: @escaping @Sendable (Double) -> Void = RetryPolicy.systemSleep
    ) {
        self.environment = environment
        self.client = client
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.sleep = sleep
    }

    public func credentials() throws -> Credentials {
        let url: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            url = "http://169.254.170.2" + relative
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            try Self.validate(full)
            url = full
        } else {
            throw CredentialsProviderError.notFound(
                reason: "container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set)")
        }
        var request = HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")])
        if let token = try authorizationToken() { request.setHeader("Authorization", token) }

        var lastProblem = ""
        for attempt in 1...attempts {
            do {
                let response = try client.send(request, timeout: timeout)
                if response.status == 200 {
                    return try CredentialsDocument.parse(
                        response.body, origin: "the container credentials endpoint \(Redaction.url(url))",
                        tokenKey: "Token"
                    ).credentials
                }
                lastProblem = Self.describeFailure(response)
            } catch let error as AWSError {
                lastProblem = error.message
            } catch {
                lastProblem = "\(error)"
            }
            if attempt < attempts { sleep(1) }
        }
        throw AWSError(
            code: "CredentialRetrievalError",
            message:
                "the container credentials endpoint \(Redaction.url(url)) failed after \(attempts) attempts: \(lastProblem)"
        )
    }

    private func authorizationToken() throws -> String? {
        var token: String?
        if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AWSError(
                    code: "CredentialRetrievalError",
                    message: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path) cannot be read")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(where: \.isWhitespace)
        } else {
            token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        }
        if let token, token.contains("\r") || token.contains("\n") {
            throw AWSError(
                code: "CredentialRetrievalError",
                message: "the container authorization token is not a legal header value")
        }
        return token
    }

    /// A failed answer in words: its status, and the `code` and `message` of a JSON error body
    /// (cut to 200 characters); any other body only by its length.
    static func describeFailure(_ response: HTTPResponse) -> String {
        var text = "HTTP \(response.status)"
        let object = try? JSONDecoding.decode(response.body)
        let said = ["code", "Code", "message", "Message"].compactMap { object?[$0]?.stringValue }
        if !said.isEmpty {
            let joined = said.joined(separator: ": ")
            text += ": " + (joined.count > 200 ? String(joined.prefix(200)) + "..." : joined)
        } else if !response.body.isEmpty {
            text += " (\(response.body.count) bytes)"
        }
        return text
    }

    static func validate(_ url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            var host = components.host
        else {
            throw AWSError(
                code: "CredentialRetrievalError",
                message: "AWS_CONTAINER_CREDENTIALS_FULL_URI \"\(Redaction.url(url))\" is not a URL")
        }
        if scheme == "https" { return }
        host = host.trimmingCharacters(where: { $0 == "[" || $0 == "]" })
        if allowedHosts.contains(host) || host == "::1" || host.hasPrefix("127.") { return }
        throw AWSError(
            code: "CredentialRetrievalError",
            message:
                "AWS_CONTAINER_CREDENTIALS_FULL_URI host \"\(host)\" is not allowed over http: use https, "
                + "a loopback address or one of " + allowedHosts.sorted().joined(separator: ", "))
    }
}
