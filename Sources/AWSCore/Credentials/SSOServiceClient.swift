import OrderedCollections

/// The few REST-JSON calls IAM Identity Center sign-in needs (the portal's
/// `GetRoleCredentials`, SSO-OIDC's `RegisterClient`, `StartDeviceAuthorization` and
/// `CreateToken`), sent unsigned as those operations are. Errors are `AWSError`s whose code is
/// the service's (`UnauthorizedException`, `AuthorizationPendingException`, `SlowDownException`)
/// and whose message is the service's own text, never a request's token.
struct SSOServiceClient: Sendable {
    /// The base URL, without a trailing slash.
    let endpoint: String
    /// `sso` or `sso-oidc`, for errors.
    let service: String
    let http: CredentialHTTPClient
    var timeout: Double = 30

    /// Sends `body` (a JSON object's members, when given) and returns the JSON object answered.
    func send(
        _ operation: String, method: String, path: String, query: [(String, String)] = [],
        headers: [(name: String, value: String)] = [], body: OrderedDictionary<String, JSONValue>? = nil
    ) throws -> JSONValue {
        var url = endpoint + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var request = HTTPRequest(method: method, url: url, headers: headers)
        if let body {
            request.setHeader("Content-Type", "application/json")
            request.body = .bytes(try JSONEncoding.encode(.object(body), options: [.sortedKeys]))
        }
        let response: HTTPResponse
        do {
            response = try http.send(request, timeout: timeout)
        } catch var error as AWSError {
            error.service = service
            error.operation = operation
            throw error
        }
        let object = (try? JSONDecoding.decode(response.body)).flatMap { $0.objectValue == nil ? nil : $0 }
        guard (200..<300).contains(response.status) else {
            throw AWSError(
                code: Self.errorCode(response, object), message: Self.errorMessage(object, status: response.status),
                status: response.status, requestID: response.header("x-amzn-requestid"), service: service,
                operation: operation)
        }
        guard let object else {
            throw AWSError(
                code: "InvalidResponse", message: "\(service) \(operation) did not answer with a JSON object",
                status: response.status, service: service, operation: operation)
        }
        return object
    }

    /// The error code: the `x-amzn-ErrorType` header, the body's `__type`, or its OAuth `error`.
    static func errorCode(_ response: HTTPResponse, _ object: JSONValue?) -> String {
        if let header = response.header("x-amzn-errortype"), let code = header.split(separator: ":").first {
            return String(code)
        }
        if let type = object?["__type"]?.stringValue, let code = type.split(separator: "#").last {
            return String(code)
        }
        if let oauth = object?["error"]?.stringValue {
            let known = [
                "authorization_pending": "AuthorizationPendingException", "slow_down": "SlowDownException",
                "expired_token": "ExpiredTokenException", "access_denied": "AccessDeniedException",
                "invalid_grant": "InvalidGrantException", "invalid_client": "InvalidClientException",
                "unauthorized_client": "UnauthorizedClientException",
            ]
            return known[oauth] ?? oauth
        }
        return response.status == 401 ? "UnauthorizedException" : "HTTP\(response.status)"
    }

    /// The service's message, cut to 300 characters.
    static func errorMessage(_ object: JSONValue?, status: Int) -> String {
        for key in ["message", "Message", "error_description"] {
            if let text = object?[key]?.stringValue, !text.isEmpty { return String(text.prefix(300)) }
        }
        return "HTTP \(status)"
    }

    private static func encode(_ text: String) -> String {
        PercentEncoding.encode(text)
    }
}

extension ConfigResolver {
    /// Where an IAM Identity Center API is reached in `region`: a configured endpoint
    /// (`AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL`, `[services]`,
    /// the profile's `endpoint_url`; not a single client's own endpoint) or
    /// `https://<hostPrefix>.<region>.amazonaws.com`.
    func signInEndpoint(serviceID: String, hostPrefix: String, region: String) throws -> String {
        var sessionWide = overrides
        sessionWide.endpointURL = nil
        let resolver = try ConfigResolver(environment: environment, overrides: sessionWide, files: files)
        if var url = resolver.endpointURL(serviceID: serviceID)?.value {
            while url.hasSuffix("/") { url.removeLast() }
            return url
        }
        guard ServiceEndpoint.isValidRegion(region) else {
            throw AWSError(
                code: "InvalidConfiguration",
                message: "sso_region \"\(region)\" of \(profileDescription) is not a valid region name")
        }
        return "https://\(hostPrefix).\(region).\(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com")"
    }
}
