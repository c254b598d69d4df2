import Foundation
import Host
import XCTest

final class ConfigFunctionTests: XCTestCase {
    func testShowsWhereTheRegionAndCredentialsCameFromButNeverTheSecret() throws {
        let state = makeState(variables: [
            "AWS_REGION": "eu-north-1", "AWS_ACCESS_KEY_ID": "AKIDSHOWN", "AWS_SECRET_ACCESS_KEY": "very-secret",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        let result = try state.run(
            "local c = aws.config() return c.region, c.region_source, c.access_key_id, c.credential_source, aws.inspect(c)"
        )
        XCTAssertEqual(
            Array(result[0..<4]),
            [
                .string("eu-north-1"), .string("AWS_REGION"), .string("AKIDSHOWN"),
                .string("environment"),
            ])
        XCTAssertFalse(result[4].stringValue?.contains("very-secret") ?? true)
    }

    func testAPasswordInTheEndpointURLIsNotShown() throws {
        let state = makeState(variables: [
            "AWS_REGION": "eu-north-1", "AWS_ENDPOINT_URL": "http://admin:hunter2planted@localhost:4566/base",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        let result = try state.run(
            """
            local from_environment = aws.config().endpoint_url
            local given = aws.config{endpoint_url = "https://me:other-planted@example.com"}.endpoint_url
            return from_environment, given
            """)
        XCTAssertEqual(
            result,
            [.string("http://admin:<redacted>@localhost:4566/base"), .string("https://me:<redacted>@example.com")])
    }

    func testConfigFilesPointedAtDevNullAreEmpty() throws {
        let state = makeState(variables: [
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "AKIDNULL", "AWS_SECRET_ACCESS_KEY": "s", "AWS_EC2_METADATA_DISABLED": "true",
        ])
        XCTAssertEqual(try state.run("return aws.config().access_key_id"), [.string("AKIDNULL")])
    }

    func testSettingsFromTheScriptBeatTheEnvironment() throws {
        let state = makeState(variables: ["AWS_REGION": "eu-north-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run(
            """
            local c = aws.config{region = "ap-south-1", max_attempts = 7,
                credentials = {access_key_id = "AKIDSCRIPT", secret_access_key = "s"}}
            return c.region, c.max_attempts, c.access_key_id
            """)
        XCTAssertEqual(result, [.string("ap-south-1"), .integer(7), .string("AKIDSCRIPT")])
    }

    func testUnknownProfileAndBadRetryModeAreTableErrors() throws {
        let state = makeState(variables: ["AWS_EC2_METADATA_DISABLED": "true"])
        let profile = try state.run(#"local ok, e = pcall(aws.config, {profile = "nope"}) return e.code, e.message"#)
        XCTAssertEqual(profile[0], .string("ProfileNotFound"))
        XCTAssertTrue(profile[1].stringValue?.contains("nope") ?? false)
        let mode = try evaluate(state, #"local ok, e = pcall(aws.config, {retry_mode = "eager"}) return e.code"#)
        XCTAssertNotEqual(mode, .nil)
        let region = try evaluate(state, "return aws.config().region")
        XCTAssertEqual(region, .nil, "a rejected setting must not stay in force")
    }
}
