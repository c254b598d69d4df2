/// The IAM Identity Center portal's `GetRoleCredentials`: short-term credentials of a role in
/// an account, for an access token.
public struct SSOPortalClient: Sendable {
    let client: SSOServiceClient

    /// A client of the portal at `endpoint` (`https://portal.sso.us-east-1.amazonaws.com`).
    public init(endpoint: String, http: CredentialHTTPClient) {
        client = SSOServiceClient(endpoint: endpoint, service: "sso", http: http)
    }

    /// `GET /federation/credentials` with the token in `x-amz-sso_bearer_token`.
    public func roleCredentials(accountID: String, roleName: String, accessToken: String) throws -> Credentials {
        let answer = try client.send(
            "GetRoleCredentials", method: "GET", path: "/federation/credentials",
            query: [("account_id", accountID), ("role_name", roleName)],
            headers: [("x-amz-sso_bearer_token", accessToken)])
        guard let given = answer["roleCredentials"], let key = given["accessKeyId"]?.stringValue,
            let secret = given["secretAccessKey"]?.stringValue, !key.isEmpty, !secret.isEmpty
        else {
            throw AWSError(
                code: "InvalidResponse",
                message: "sso GetRoleCredentials for role \(roleName) in account \(accountID) returned no credentials",
                service: "sso", operation: "GetRoleCredentials")
        }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: given["sessionToken"]?.stringValue,
            expiration: SSOOIDCClient.number(given["expiration"]).map { $0 / 1000 })
    }
}
