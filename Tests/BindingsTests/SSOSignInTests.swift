import Foundation
import Host
import XCTest

/// IAM Identity Center profiles take their place in the credential chain: after environment
/// keys, before the shared credentials file; their errors reach scripts with the fix.
final class SSOSignInTests: XCTestCase {
    func testAnSSOProfileWithoutATokenTellsTheScriptHowToSignIn() throws {
        let home = try Self.home()
        let state = makeState(
            variables: [
                "AWS_PROFILE": "dev", "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
            ],
            home: home)
        let result = try state.run(
            """
            local ok, e = pcall(function() return aws.client("sts"):get_caller_identity() end)
            return e.code, e.message
            """)
        XCTAssertEqual(result[0], .string("SSOLoginRequired"), "SSO comes before the credentials file's keys")
        XCTAssertTrue(result[1].stringValue?.contains("gluescript --sso-login --profile dev") ?? false, "\(result[1])")
    }

    func testEnvironmentKeysComeBeforeTheSSOProfile() throws {
        let home = try Self.home()
        let state = makeState(
            variables: [
                "AWS_PROFILE": "dev", "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_EC2_METADATA_DISABLED": "true",
            ], home: home)
        XCTAssertEqual(try state.run("return aws.config().credential_source"), [.string("environment")])
    }

    func testAnUnknownSSOSessionIsReportedOnlyWhenTheChainGetsThere() throws {
        let home = try Self.home(session: "missing")
        let state = makeState(variables: ["AWS_PROFILE": "dev", "AWS_EC2_METADATA_DISABLED": "true"], home: home)
        let result = try state.run(
            """
            local ok, e = pcall(function() return aws.client("sts", {region = "us-east-1"}):get_caller_identity() end)
            return e.code, e.message
            """)
        XCTAssertEqual(result[0], .string("InvalidConfiguration"))
        XCTAssertTrue(result[1].stringValue?.contains("sso_session \"missing\"") ?? false, "\(result[1])")
    }

    private static func home(session: String = "corp") throws -> String {
        let home = NSTemporaryDirectory() + "gluescript-sso-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try """
        [profile dev]
        sso_session = \(session)
        sso_account_id = 111122223333
        sso_role_name = Admin
        region = us-east-1

        [sso-session corp]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-1

        """.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        try "[dev]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n"
            .write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        return home
    }
}
