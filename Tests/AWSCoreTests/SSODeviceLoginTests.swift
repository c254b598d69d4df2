import Foundation
import XCTest

@testable import AWSCore

/// The device-authorization sign-in against a loopback stub of SSO-OIDC.
final class SSODeviceLoginTests: XCTestCase {
    func testTheSignInPollsAtTheGivenIntervalSlowsDownAndWritesTheCache() throws {
        let pending = TestHTTPServer.Reply(
            status: 400, headers: [("x-amzn-ErrorType", "AuthorizationPendingException")],
            body: #"{"error":"authorization_pending"}"#)
        let slowDown = TestHTTPServer.Reply(status: 400, body: #"{"error":"slow_down"}"#)
        let stub = try TestHTTPServer(replies: [
            .init(body: #"{"clientId":"new-client","clientSecret":"new-secret","clientSecretExpiresAt":1900000000}"#),
            .init(
                body:
                    #"{"deviceCode":"device-123","userCode":"ABCD-EFGH","verificationUri":"https://device.example/","verificationUriComplete":"https://device.example/?user_code=ABCD-EFGH","expiresIn":600,"interval":2}"#
            ),
            pending, slowDown, pending,
            .init(body: #"{"accessToken":"signed-in-token","expiresIn":28800,"refreshToken":"signed-in-refresh"}"#),
        ])
        let home = try SSOCredentialsProviderTests.home(token: nil)
        let resolver = try SSOCredentialsProviderTests.resolver(home, ["AWS_ENDPOINT_URL_SSO_OIDC": stub.baseURL])
        let session = try XCTUnwrap(try resolver.ssoSessionSettings())
        var shown: [String] = []
        var login = SSODeviceLogin(
            session: session,
            oidc: try resolver.ssoOIDCClient(for: session, httpClient: try CurlTransport(userAgent: "t")),
            cache: SSOTokenCache(environment: resolver.environment)
        ) { shown.append("\($0.verificationURIComplete ?? "") \($0.userCode)") }
        var clock = Date().timeIntervalSince1970.rounded(.down)
        var sleeps: [Double] = []
        login.now = { clock }
        login.sleep = {
            sleeps.append($0)
            clock += $0
        }

        let path = try login.run()

        XCTAssertEqual(shown, ["https://device.example/?user_code=ABCD-EFGH ABCD-EFGH"])
        XCTAssertEqual(sleeps, [2, 2, 7, 7], "the interval, then 5 s more after slow_down")
        XCTAssertEqual(
            stub.requests.map(\.target),
            ["/client/register", "/device_authorization", "/token", "/token", "/token", "/token"])
        XCTAssertTrue(stub.requests.allSatisfy { $0.header("authorization") == nil })
        let register = try Self.json(stub.requests[0].body)
        XCTAssertEqual(register["clientType"] as? String, "public")
        XCTAssertEqual(register["scopes"] as? [String], ["sso:account:access"])
        XCTAssertEqual(try Self.json(stub.requests[1].body)["startUrl"] as? String, "https://example.awsapps.com/start")
        let poll = try Self.json(stub.requests[2].body)
        XCTAssertEqual(poll["grantType"] as? String, "urn:ietf:params:oauth:grant-type:device_code")
        XCTAssertEqual(poll["deviceCode"] as? String, "device-123")

        XCTAssertTrue(path.hasSuffix("/" + SSOCredentialsProviderTests.cacheName), path)
        let written = try Self.json(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        XCTAssertEqual(written["accessToken"] as? String, "signed-in-token")
        XCTAssertEqual(written["refreshToken"] as? String, "signed-in-refresh")
        XCTAssertEqual(written["clientId"] as? String, "new-client")
        XCTAssertEqual(written["clientSecret"] as? String, "new-secret")
        XCTAssertEqual(written["expiresAt"] as? String, SSOToken.format(clock + 28800))
        XCTAssertEqual(written["registrationExpiresAt"] as? String, SSOToken.format(1_900_000_000))
        XCTAssertEqual(written["region"] as? String, "us-east-1")

        let token = try resolver.ssoTokenProvider(for: session, httpClient: try CurlTransport(userAgent: "t"))
        XCTAssertEqual(try token.accessToken(), "signed-in-token", "what was written is what credentials read")
    }

    func testACodeNeverConfirmedEndsTheSignIn() throws {
        let stub = try TestHTTPServer(
            replies: [
                .init(body: #"{"clientId":"c","clientSecret":"s","clientSecretExpiresAt":1900000000}"#),
                .init(
                    body:
                        #"{"deviceCode":"d","userCode":"WXYZ","verificationUri":"https://d/","expiresIn":10,"interval":5}"#
                ),
            ], fallback: .init(status: 400, body: #"{"error":"authorization_pending"}"#))
        let home = try SSOCredentialsProviderTests.home(token: nil)
        let resolver = try SSOCredentialsProviderTests.resolver(home, ["AWS_ENDPOINT_URL_SSO_OIDC": stub.baseURL])
        let session = try XCTUnwrap(try resolver.ssoSessionSettings())
        var login = SSODeviceLogin(
            session: session,
            oidc: try resolver.ssoOIDCClient(for: session, httpClient: try CurlTransport(userAgent: "t")),
            cache: SSOTokenCache(environment: resolver.environment)
        ) { _ in }
        var clock = 0.0
        login.now = { clock }
        login.sleep = { clock += $0 }
        XCTAssertThrowsError(try login.run()) { XCTAssertEqual(($0 as? AWSError)?.code, "SSOLoginExpired") }
        XCTAssertEqual(stub.requests.filter { $0.target == "/token" }.count, 2)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: home + "/.aws/sso/cache/" + SSOCredentialsProviderTests.cacheName))
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}
