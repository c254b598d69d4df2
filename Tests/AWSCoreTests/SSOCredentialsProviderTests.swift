import Foundation
import XCTest

@testable import AWSCore

/// IAM Identity Center profiles against a loopback stub of the portal and SSO-OIDC APIs.
final class SSOCredentialsProviderTests: XCTestCase {
    static let cacheName = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json"  // sha1("corp"), as aws sso login names it
    static let legacyCacheName = "e8be5486177c5b5392bd9aa76563515b29358e6e.json"  // sha1 of the start URL

    func testRoleCredentialsComeFromThePortalWithTheCachedToken() throws {
        let stub = try Self.stub()
        let home = try Self.home(token: Self.token("cached-access-token", expiresIn: 3600))
        let provider = try Self.provider(home, ["AWS_ENDPOINT_URL_SSO": stub.baseURL])

        let credentials = try provider.credentials()

        XCTAssertEqual(credentials.accessKeyID, "ASIAPORTAL")
        XCTAssertEqual(credentials.secretAccessKey, "portal-secret")
        XCTAssertEqual(credentials.sessionToken, "portal-session")
        XCTAssertEqual(credentials.expiration, 1_900_000_000)
        let request = try XCTUnwrap(stub.requests.last)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.target, "/federation/credentials?account_id=111122223333&role_name=Admin")
        XCTAssertEqual(request.header("x-amz-sso_bearer_token"), "cached-access-token")
        XCTAssertNil(request.header("authorization"), "GetRoleCredentials is sent unsigned")
    }

    func testAnExpiringTokenIsRefreshedAndTheCacheWrittenBackAtomically() throws {
        let stub = try Self.stub()
        let home = try Self.home(
            token: Self.token("old-access-token", expiresIn: 300),
            services:
                "[services stubs]\nsso =\n  endpoint_url = \(stub.baseURL)\nsso_oidc =\n  endpoint_url = \(stub.baseURL)\n"
        )
        let provider = try Self.provider(home, [:])
        let before = Date().timeIntervalSince1970

        _ = try provider.credentials()

        let refresh = try XCTUnwrap(stub.requests.first { $0.target == "/token" })
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(refresh.body)) as? [String: String])
        XCTAssertEqual(body["grantType"], "refresh_token")
        XCTAssertEqual(body["refreshToken"], "old-refresh-token")
        XCTAssertEqual(body["clientId"], "client-id")
        XCTAssertEqual(body["clientSecret"], "client-secret")
        XCTAssertNil(refresh.header("authorization"))
        XCTAssertEqual(stub.requests.last?.header("x-amz-sso_bearer_token"), "new-access-token")

        let folder = home + "/.aws/sso/cache"
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder), [Self.cacheName], "no temporary left")
        let written = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + Self.cacheName)))
                as? [String: String])
        XCTAssertEqual(written["accessToken"], "new-access-token")
        XCTAssertEqual(written["refreshToken"], "new-refresh-token")
        XCTAssertEqual(written["clientSecret"], "client-secret")
        XCTAssertEqual(written["startUrl"], "https://example.awsapps.com/start")
        let expires = try XCTUnwrap(written["expiresAt"].flatMap(CredentialsDocument.parseTimestamp))
        XCTAssertEqual(expires, before + 28800, accuracy: 5)
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + Self.cacheName)[.posixPermissions]
        XCTAssertEqual(mode as? Int, 0o600)
    }

    func testAnExpiredTokenThatCannotBeRefreshedNamesTheProfileAndTheFix() throws {
        let stub = try Self.stub(refusingRefresh: true)
        let home = try Self.home(token: Self.token("stale-access-token", expiresIn: -60))
        let provider = try Self.provider(
            home, ["AWS_ENDPOINT_URL_SSO": stub.baseURL, "AWS_ENDPOINT_URL_SSO_OIDC": stub.baseURL])
        XCTAssertThrowsError(try provider.credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "SSOLoginRequired")
            XCTAssertTrue(error?.message.contains("profile \"dev\"") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("gluescript --sso-login --profile dev") ?? false)
            XCTAssertTrue(error?.message.contains("aws sso login --profile dev") ?? false)
            Self.assertNoSecrets(error)
        }
        XCTAssertEqual(stub.requests.map(\.target), ["/token"], "a refresh was tried, the portal never asked")
    }

    func testAPortalThatRefusesTheTokenAsksToSignInAgain() throws {
        let stub = try TestHTTPServer { _ in
            .init(
                status: 401, headers: [("x-amzn-ErrorType", "UnauthorizedException")],
                body: #"{"message":"Session token not found or invalid"}"#)
        }
        let home = try Self.home(token: Self.token("revoked-access-token", expiresIn: 3600))
        let provider = try Self.provider(home, ["AWS_ENDPOINT_URL_SSO": stub.baseURL])
        XCTAssertThrowsError(try provider.credentials()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "SSOLoginRequired")
            XCTAssertTrue((error as? AWSError)?.message.contains("--sso-login --profile dev") ?? false)
            Self.assertNoSecrets(error as? AWSError)
        }
    }

    func testTheOlderStartURLFormReadsItsOwnCacheFileAndIsNotRefreshed() throws {
        let stub = try Self.stub()
        let home = try Self.home(
            token: Self.token("legacy-access-token", expiresIn: 300), cacheName: Self.legacyCacheName,
            profile:
                "sso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n"
                + "sso_account_id = 111122223333\nsso_role_name = Admin")
        let provider = try Self.provider(
            home, ["AWS_ENDPOINT_URL_SSO": stub.baseURL, "AWS_ENDPOINT_URL_SSO_OIDC": stub.baseURL])
        _ = try provider.credentials()
        XCTAssertEqual(stub.requests.map(\.method), ["GET"], "no CreateToken for the older form")
        XCTAssertEqual(stub.requests.first?.header("x-amz-sso_bearer_token"), "legacy-access-token")
    }

    func testNoCachedTokenNamesTheFileAndTheFix() throws {
        let home = try Self.home(token: nil)
        let provider = try Self.provider(home, ["AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:9"])
        XCTAssertThrowsError(try provider.credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "SSOLoginRequired")
            XCTAssertTrue(error?.message.contains(Self.cacheName) ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("sso_session \"corp\"") ?? false)
            XCTAssertTrue(error?.message.contains("gluescript --sso-login --profile dev") ?? false)
        }
    }

    func testATokenCacheThatIsNotJSONIsNamedWithoutQuotingIt() throws {
        let home = try Self.home(token: "accessToken: not-json-secret-token")
        let provider = try Self.provider(home, ["AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:9"])
        XCTAssertThrowsError(try provider.credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "InvalidSSOTokenCache")
            XCTAssertTrue(error?.message.contains(Self.cacheName) ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("is not a JSON object") ?? false)
            XCTAssertFalse(error?.message.contains("not-json-secret-token") ?? true)
        }
    }

    func testAnUnknownSSOSessionNamesTheSettingAndTheFile() throws {
        let home = try Self.home(
            token: nil, profile: "sso_session = crop\nsso_account_id = 111122223333\nsso_role_name = Admin")
        let resolver = try Self.resolver(home, [:])
        XCTAssertThrowsError(try resolver.ssoSettings()) { error in
            let message = (error as? AWSError)?.message ?? ""
            XCTAssertEqual((error as? AWSError)?.code, "InvalidConfiguration")
            XCTAssertTrue(message.contains("sso_session \"crop\""), message)
            XCTAssertTrue(message.contains(home + "/.aws/config"), message)
        }
    }

    func testSettingsThatDisagreeWithTheSessionAreAnError() throws {
        let home = try Self.home(
            token: nil,
            profile: "sso_session = corp\nsso_region = us-west-2\nsso_account_id = 111122223333\nsso_role_name = Admin")
        XCTAssertThrowsError(try Self.resolver(home, [:]).ssoSettings()) {
            XCTAssertTrue(((($0 as? AWSError)?.message) ?? "").contains("sso_region"), "\($0)")
        }
    }

    // MARK: - Helpers

    /// A stub answering the portal with fixed credentials and OIDC refreshes with a new token.
    static func stub(refusingRefresh: Bool = false) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            if request.target == "/token" {
                if refusingRefresh {
                    return .init(
                        status: 400, headers: [("x-amzn-ErrorType", "InvalidGrantException")],
                        body: #"{"error":"invalid_grant","error_description":"Invalid refresh token provided"}"#)
                }
                return .init(
                    body:
                        #"{"accessToken":"new-access-token","expiresIn":28800,"refreshToken":"new-refresh-token","tokenType":"Bearer"}"#
                )
            }
            return .init(
                body:
                    #"{"roleCredentials":{"accessKeyId":"ASIAPORTAL","secretAccessKey":"portal-secret","sessionToken":"portal-session","expiration":1900000000000}}"#
            )
        }
    }

    static func token(_ access: String, expiresIn seconds: Double) -> String {
        let now = Date().timeIntervalSince1970
        return """
            {"startUrl": "https://example.awsapps.com/start", "region": "us-east-1", "accessToken": "\(access)",
             "expiresAt": "\(SSOToken.format(now + seconds))", "refreshToken": "old-refresh-token",
             "clientId": "client-id", "clientSecret": "client-secret",
             "registrationExpiresAt": "\(SSOToken.format(now + 86400 * 30))"}
            """
    }

    /// A throw-away HOME with a `dev` profile of the `corp` session and `token` as its cache file.
    static func home(
        token: String?, cacheName: String = cacheName,
        profile: String = "sso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin",
        services: String? = nil
    ) throws -> String {
        let home = NSTemporaryDirectory() + "gluescript-sso-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws/sso/cache", withIntermediateDirectories: true)
        var config = """
            [profile dev]
            \(profile)
            \(services == nil ? "" : "services = stubs")

            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access

            """
        if let services { config += services }
        try config.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        if let token {
            try token.write(toFile: home + "/.aws/sso/cache/" + cacheName, atomically: true, encoding: .utf8)
        }
        return home
    }

    static func resolver(_ home: String, _ variables: [String: String]) throws -> ConfigResolver {
        var variables = variables
        variables["AWS_PROFILE"] = "dev"
        return try ConfigResolver(environment: AWSEnvironment(variables: variables, homeDirectory: home))
    }

    static func provider(_ home: String, _ variables: [String: String]) throws -> CredentialsProvider {
        let resolver = try resolver(home, variables)
        return try XCTUnwrap(try resolver.ssoCredentialsProvider(httpClient: try CurlTransport(userAgent: "test")))
    }

    /// No token of the fixtures appears in an error.
    static func assertNoSecrets(_ error: AWSError?, file: StaticString = #filePath, line: UInt = #line) {
        let text = "\(String(describing: error))"
        for secret in ["access-token", "refresh-token", "client-secret", "portal-secret"] {
            XCTAssertFalse(text.contains(secret), "\(text) shows \(secret)", file: file, line: line)
        }
    }
}
