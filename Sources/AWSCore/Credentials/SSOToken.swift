import OrderedCollections

/// An IAM Identity Center access token as `aws sso login` caches it: `accessToken`,
/// `expiresAt`, and for refreshing it `refreshToken`, `clientId`, `clientSecret` and
/// `registrationExpiresAt`. Fields it does not know are kept when it is written back.
public struct SSOToken: Sendable {
    public var accessToken: String
    /// Seconds since 1970.
    public var expiresAt: Double
    public var refreshToken: String?
    public var clientID: String?
    public var clientSecret: String?
    /// When the client registration (`clientId`, `clientSecret`) stops working.
    public var registrationExpiresAt: Double?
    public var startURL: String?
    public var region: String?

    public init(
        accessToken: String, expiresAt: Double, refreshToken: String? = nil, clientID: String? = nil,
        clientSecret: String? = nil, registrationExpiresAt: Double? = nil, startURL: String? = nil,
        region: String? = nil
    ) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.refreshToken = refreshToken
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.registrationExpiresAt = registrationExpiresAt
        self.startURL = startURL
        self.region = region
    }

    /// Whether it carries what a refresh needs, with a registration still valid at `now`.
    public func canRefresh(now: Double) -> Bool {
        guard refreshToken != nil, clientID != nil, clientSecret != nil, let registrationExpiresAt else {
            return false
        }
        return registrationExpiresAt > now
    }

    /// The cache file's JSON object for this token.
    var jsonObject: JSONValue {
        var object: OrderedDictionary<String, JSONValue> = [
            "accessToken": .string(accessToken), "expiresAt": .string(Self.format(expiresAt)),
        ]
        if let refreshToken { object["refreshToken"] = .string(refreshToken) }
        if let clientID { object["clientId"] = .string(clientID) }
        if let clientSecret { object["clientSecret"] = .string(clientSecret) }
        if let registrationExpiresAt { object["registrationExpiresAt"] = .string(Self.format(registrationExpiresAt)) }
        if let startURL { object["startUrl"] = .string(startURL) }
        if let region { object["region"] = .string(region) }
        return .object(object)
    }

    /// Reads a cache file's object; nil when `accessToken` or a readable `expiresAt` is missing.
    init?(jsonObject object: JSONValue) {
        guard let token = object["accessToken"]?.stringValue, !token.isEmpty,
            let expiresText = object["expiresAt"]?.stringValue,
            let expires = CredentialsDocument.parseTimestamp(expiresText)
        else { return nil }
        self.init(
            accessToken: token, expiresAt: expires, refreshToken: object["refreshToken"]?.stringValue,
            clientID: object["clientId"]?.stringValue, clientSecret: object["clientSecret"]?.stringValue,
            registrationExpiresAt: object["registrationExpiresAt"]?.stringValue.flatMap(
                CredentialsDocument.parseTimestamp),
            startURL: object["startUrl"]?.stringValue, region: object["region"]?.stringValue)
    }

    /// `2026-12-01T03:00:00Z`, as the AWS CLI writes times into the cache.
    static func format(_ seconds: Double) -> String {
        Timestamp(epochSeconds: seconds).iso8601Seconds
    }
}
