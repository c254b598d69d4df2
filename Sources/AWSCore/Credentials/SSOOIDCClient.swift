import OrderedCollections

/// SSO-OIDC, the OAuth side of IAM Identity Center: registering a public client, the device
/// authorization sign-in, and access tokens (by device code or refresh token).
public struct SSOOIDCClient: Sendable {
    /// A registered client.
    public struct Registration: Sendable {
        public var clientID: String
        public var clientSecret: String
        /// Seconds since 1970.
        public var expiresAt: Double
    }

    /// A started device sign-in: the user opens `verificationURI` and confirms `userCode`.
    public struct DeviceAuthorization: Sendable {
        public var deviceCode: String
        public var userCode: String
        public var verificationURI: String
        public var verificationURIComplete: String?
        /// Seconds the device code stays valid.
        public var expiresIn: Double
        /// Seconds to wait between token polls.
        public var interval: Double
    }

    /// An access token just issued.
    public struct IssuedToken: Sendable {
        public var accessToken: String
        public var expiresIn: Double
        public var refreshToken: String?
    }

    let client: SSOServiceClient

    /// A client of the OIDC API at `endpoint` (`https://oidc.us-east-1.amazonaws.com`).
    public init(endpoint: String, http: CredentialHTTPClient) {
        client = SSOServiceClient(endpoint: endpoint, service: "sso-oidc", http: http)
    }

    /// `RegisterClient` for a public client named `name` with `scopes`.
    public func registerClient(name: String, scopes: [String]) throws -> Registration {
        var body: OrderedDictionary<String, JSONValue> = ["clientName": .string(name), "clientType": .string("public")]
        if !scopes.isEmpty { body["scopes"] = .array(scopes.map(JSONValue.string)) }
        let answer = try client.send("RegisterClient", method: "POST", path: "/client/register", body: body)
        guard let id = answer["clientId"]?.stringValue, let secret = answer["clientSecret"]?.stringValue,
            let expires = Self.number(answer["clientSecretExpiresAt"])
        else { throw incomplete("RegisterClient") }
        return Registration(clientID: id, clientSecret: secret, expiresAt: expires)
    }

    /// `StartDeviceAuthorization` for the sign-in at `startURL`.
    public func startDeviceAuthorization(_ registration: Registration, startURL: String) throws -> DeviceAuthorization {
        let answer = try client.send(
            "StartDeviceAuthorization", method: "POST", path: "/device_authorization",
            body: [
                "clientId": .string(registration.clientID), "clientSecret": .string(registration.clientSecret),
                "startUrl": .string(startURL),
            ])
        guard let deviceCode = answer["deviceCode"]?.stringValue, let userCode = answer["userCode"]?.stringValue,
            let uri = answer["verificationUri"]?.stringValue
        else { throw incomplete("StartDeviceAuthorization") }
        return DeviceAuthorization(
            deviceCode: deviceCode, userCode: userCode, verificationURI: uri,
            verificationURIComplete: answer["verificationUriComplete"]?.stringValue,
            expiresIn: Self.number(answer["expiresIn"]) ?? 600, interval: Self.number(answer["interval"]) ?? 5)
    }

    /// `CreateToken` with grant type `grantType` and the grant's own fields (`deviceCode`,
    /// `refreshToken`).
    public func createToken(
        grantType: String, clientID: String, clientSecret: String, grant: [String: String]
    ) throws -> IssuedToken {
        var body: OrderedDictionary<String, JSONValue> = [
            "grantType": .string(grantType), "clientId": .string(clientID), "clientSecret": .string(clientSecret),
        ]
        for (key, value) in grant { body[key] = .string(value) }
        let answer = try client.send("CreateToken", method: "POST", path: "/token", body: body)
        guard let token = answer["accessToken"]?.stringValue, let expiresIn = Self.number(answer["expiresIn"]) else {
            throw incomplete("CreateToken")
        }
        return IssuedToken(accessToken: token, expiresIn: expiresIn, refreshToken: answer["refreshToken"]?.stringValue)
    }

    static func number(_ value: JSONValue?) -> Double? {
        value?.numberValue
    }

    private func incomplete(_ operation: String) -> AWSError {
        AWSError(
            code: "InvalidResponse", message: "sso-oidc \(operation) answered without the fields it must return",
            service: "sso-oidc", operation: operation)
    }
}
