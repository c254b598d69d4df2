import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// `AssumeRoleWithWebIdentity` against the emulator (moto), through a loopback proxy that
/// records the bytes on the wire.
final class WebIdentityCredentialsProviderTests: XCTestCase {
    func testTheCallIsUnsignedAndTheTokenFileIsReadAtEveryRefresh() throws {
        guard let emulator = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] else {
            throw Prerequisite.missing("GLUESCRIPT_TEST_ENDPOINT is not set (scripts/test sets it)")
        }
        let upstream = try CurlTransport(userAgent: "test")
        let proxy = try TestHTTPServer { request in
            let forwarded = HTTPRequest(
                method: request.method, url: emulator + request.target,
                headers: request.headers.filter { !["host", "content-length"].contains($0.name) },
                body: .bytes(request.body))
            guard let answer = try? upstream.send(forwarded, timeout: 10) else { return .init(status: 599) }
            return .init(status: answer.status, body: String(decoding: answer.body, as: UTF8.self))
        }
        let folder = try TemporaryDirectory()
        let tokenFile = try folder.write("token", Array("first-oidc-token\n".utf8))
        let provider = try Self.provider(tokenFile: tokenFile, endpoint: proxy.baseURL)

        let first = try provider.credentials()
        _ = try folder.write("token", Array("second-oidc-token".utf8))
        let second = try provider.credentials()

        XCTAssertTrue(first.accessKeyID.hasPrefix("ASIA"), first.accessKeyID)
        XCTAssertNotNil(first.sessionToken)
        XCTAssertNotNil(second.expiration)
        let sent = proxy.requests
        XCTAssertEqual(sent.count, 2)
        for request in sent {
            XCTAssertNil(request.header("authorization"), "AssumeRoleWithWebIdentity is sent unsigned")
            XCTAssertNil(request.header("x-amz-security-token"))
            XCTAssertTrue(String(decoding: request.body, as: UTF8.self).contains("Action=AssumeRoleWithWebIdentity"))
        }
        XCTAssertTrue(String(decoding: sent[0].body, as: UTF8.self).contains("WebIdentityToken=first-oidc-token"))
        XCTAssertTrue(String(decoding: sent[1].body, as: UTF8.self).contains("WebIdentityToken=second-oidc-token"))
        XCTAssertTrue(String(decoding: sent[0].body, as: UTF8.self).contains("RoleSessionName=ci-run"))
    }

    func testAMissingTokenFileNamesTheSettingAndTheFile() throws {
        let provider = try Self.provider(tokenFile: "/nonexistent/gluescript/token", endpoint: "http://127.0.0.1:9")
        XCTAssertThrowsError(try provider.credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "InvalidConfiguration")
            XCTAssertTrue(
                error?.message.contains("/nonexistent/gluescript/token") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("AWS_WEB_IDENTITY_TOKEN_FILE") ?? false)
        }
    }

    func testSettingsComeFromTheEnvironmentThenTheProfile() throws {
        let folder = try TemporaryDirectory()
        let config = """
            [profile ci]
            role_arn = arn:aws:iam::123456789012:role/from-profile
            web_identity_token_file = /profile/token
            role_session_name = profile-session
            """
        _ = try folder.write("config", Array(config.utf8))
        let variables = [
            "AWS_CONFIG_FILE": folder.path + "/config", "AWS_PROFILE": "ci",
            "AWS_WEB_IDENTITY_TOKEN_FILE": "/env/token",
        ]
        let fromEnvironment = try ConfigResolver(
            environment: AWSEnvironment(variables: variables, homeDirectory: folder.path)
        ).webIdentitySettings(now: 0)
        XCTAssertEqual(fromEnvironment?.tokenFile, "/env/token")
        XCTAssertEqual(fromEnvironment?.tokenFileSource, "AWS_WEB_IDENTITY_TOKEN_FILE")
        XCTAssertEqual(fromEnvironment?.roleARN, "arn:aws:iam::123456789012:role/from-profile")
        XCTAssertEqual(fromEnvironment?.sessionName, "profile-session")

        let explicit = try ConfigResolver(
            environment: AWSEnvironment(variables: variables, homeDirectory: folder.path),
            overrides: ConfigOverrides(profile: "ci"))
        XCTAssertEqual(try explicit.webIdentitySettings(now: 0)?.tokenFile, "/profile/token")
        XCTAssertNil(try explicit.assumeRoleSettings(now: 0), "a web identity profile is not an assume-role profile")

        let roleless = try ConfigResolver(
            environment: AWSEnvironment(
                variables: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/env/token"], homeDirectory: folder.path))
        XCTAssertThrowsError(try roleless.webIdentitySettings(now: 0)) {
            XCTAssertTrue(($0 as? AWSError)?.message.contains("AWS_ROLE_ARN") ?? false, "\($0)")
        }
    }

    private static func provider(tokenFile: String, endpoint: String) throws -> WebIdentityCredentialsProvider {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: endpoint, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil, credentials: UnsignedCallCredentials())
        let sts = try AWSClient(
            serviceName: "sts", model: try ModelRegistry().model(for: "sts"), configuration: configuration)
        return WebIdentityCredentialsProvider(
            settings: WebIdentitySettings(
                roleARN: "arn:aws:iam::123456789012:role/ci", tokenFile: tokenFile,
                tokenFileSource: "AWS_WEB_IDENTITY_TOKEN_FILE", sessionName: "ci-run"),
            sts: sts)
    }
}
