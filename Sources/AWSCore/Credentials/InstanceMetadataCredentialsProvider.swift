import FoundationEssentials

/// Credentials of the EC2 instance's IAM role from the instance metadata service, IMDSv2 first,
/// as botocore's InstanceMetadataFetcher gets them.
///
/// `PUT /latest/api/token` (header `x-aws-ec2-metadata-token-ttl-seconds: 21600`) gets a session
/// token, sent as `x-aws-ec2-metadata-token` on `GET /latest/meta-data/iam/security-credentials/`
/// (the role name) and `.../<role>` (the credentials). When the token request is refused
/// (403, 404, 405) or fails, the GETs go without it (IMDSv1). Every request has a 1 s time-out
/// and 1 attempt by default (`AWS_METADATA_SERVICE_TIMEOUT`, `AWS_METADATA_SERVICE_NUM_ATTEMPTS`).
/// Skipped when `AWS_EC2_METADATA_DISABLED=true`; the endpoint is `http://169.254.169.254/`,
/// or `AWS_EC2_METADATA_SERVICE_ENDPOINT`. Like botocore, an unreachable or unhelpful service
/// means "no credentials here", not an error.
public struct InstanceMetadataCredentialsProvider: CredentialsProvider {
    public let source = "instance-metadata"
    static let credentialsPath = "latest/meta-data/iam/security-credentials/"

    private let client: CredentialHTTPClient
    private let disabled: Bool
    private let baseURL: String
    private let timeout: Double
    private let attempts: Int
    private let now: @Sendable () -> Double

    public init(
        resolver: ConfigResolver, client: CredentialHTTPClient,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.client = client
        disabled = resolver.ec2MetadataDisabled
        var base =
            resolver.lookup(
                override: nil, variables: ["AWS_EC2_METADATA_SERVICE_ENDPOINT"],
                profileKey: "ec2_metadata_service_endpoint")?.value
        if base == nil,
            resolver.lookup(
                override: nil, variables: ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"],
                profileKey: "ec2_metadata_service_endpoint_mode")?.value.lowercased() == "ipv6"
        {
            base = "http://[fd00:ec2::254]/"
        }
        baseURL = base ?? "http://169.254.169.254/"
        timeout =
            resolver.lookup(
                override: nil, variables: ["AWS_METADATA_SERVICE_TIMEOUT"],
                profileKey: "metadata_service_timeout"
            )
            .flatMap { Double($0.value) } ?? 1
        attempts =
            resolver.lookup(
                override: nil, variables: ["AWS_METADATA_SERVICE_NUM_ATTEMPTS"],
                profileKey: "metadata_service_num_attempts"
            ).flatMap { Int($0.value) }.map { max(1, $0) } ?? 1
        self.now = now
    }

    public func credentials() throws -> Credentials {
        if disabled {
            throw CredentialsProviderError.notFound(
                reason: "instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        }
        let token = try fetchToken()
        guard let roleResponse = get(Self.credentialsPath, token: token),
            let role = String(decoding: roleResponse, as: UTF8.self).split(whereSeparator: \.isNewline)
                .first
                .map({ $0.trimmingCharacters(where: \.isHorizontalWhitespace) }), !role.isEmpty
        else {
            throw notFound("no IAM role found")
        }
        guard let document = get(Self.credentialsPath + role, token: token) else {
            throw notFound("no credentials for role \"\(role)\"")
        }
        let parsed: Credentials
        do {
            parsed = try CredentialsDocument.parse(
                document, origin: "instance metadata", tokenKey: "Token", requireExpiration: true
            ).credentials
        } catch {
            throw notFound("unusable credentials for role \"\(role)\"")
        }
        return extendingExpiration(parsed)
    }

    /// The IMDSv2 session token, or nil to go on without one (IMDSv1).
    private func fetchToken() throws -> String? {
        let request = HTTPRequest(
            method: "PUT", url: url("latest/api/token"),
            headers: [("x-aws-ec2-metadata-token-ttl-seconds", "21600")])
        for _ in 0..<attempts {
            guard let response = try? client.send(request, timeout: timeout) else { return nil }
            switch response.status {
            case 200: return String(decoding: response.body, as: UTF8.self)
            case 403, 404, 405: return nil
            case 400: throw notFound("the token request was refused as bad (HTTP 400)")
            default: continue
            }
        }
        return nil
    }

    /// The body of a 200 response with content, or nil once the attempts are used up.
    private func get(_ path: String, token: String?) -> [UInt8]? {
        var request = HTTPRequest(method: "GET", url: url(path))
        if let token { request.setHeader("x-aws-ec2-metadata-token", token) }
        for _ in 0..<attempts {
            if let response = try? client.send(request, timeout: timeout), response.status == 200,
                !response.body.isEmpty
            {
                return response.body
            }
        }
        return nil
    }

    private func url(_ path: String) -> String {
        baseURL.hasSuffix("/") ? baseURL + path : baseURL + "/" + path
    }

    /// Like botocore, credentials that are (nearly) expired when served, as during an outage of
    /// the credential service, are used a while longer: 12 to 20 minutes from now.
    private func extendingExpiration(_ credentials: Credentials) -> Credentials {
        guard let expiration = credentials.expiration else { return credentials }
        let offset = 600 + Double.random(in: 120...600)
        let current = now()
        guard current >= expiration - offset else { return credentials }
        var extended = credentials
        extended.expiration = current + offset
        return extended
    }

    private func notFound(_ reason: String) -> CredentialsProviderError {
        .notFound(reason: "instance metadata at \(baseURL) (\(reason))")
    }
}
