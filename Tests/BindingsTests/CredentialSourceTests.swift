import Foundation
import Host
import XCTest

/// `credential_source` takes the source credentials of an assume-role profile from the one
/// source it names, never from the rest of the chain.
final class CredentialSourceTests: XCTestCase {
    func testEnvironmentSourcesTheRoleFromTheEnvironmentKeys() throws {
        let emulator = try Emulator.shared.get()
        let state = makeState(
            variables: [
                "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_ENDPOINT_URL": emulator.url, "AWS_EC2_METADATA_DISABLED": "true",
            ], home: try Self.home(source: "Environment"))
        let result = try state.run(
            """
            return aws.client("sts", {profile = "ops"}):get_caller_identity().Arn
            """)
        XCTAssertTrue(result[0].stringValue?.contains("assumed-role/operator/") ?? false, "\(result[0])")
    }

    func testANamedSourceWithNothingIsAnErrorEvenWhenOthersHaveKeys() throws {
        let state = makeState(
            variables: [
                "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_EC2_METADATA_DISABLED": "true",
            ], home: try Self.home(source: "EcsContainer"))
        let result = try state.run(
            """
            local ok, e = pcall(function()
              return aws.client("sts", {profile = "ops", endpoint_url = "http://127.0.0.1:9"}):get_caller_identity()
            end)
            return e.code, e.message
            """)
        XCTAssertEqual(result[0], .string("CredentialRetrievalError"), "\(result)")
        XCTAssertTrue(result[1].stringValue?.contains("credential_source EcsContainer") ?? false, "\(result[1])")
    }

    func testAnUnknownSourceNamesTheSettingAndTheProfile() throws {
        let state = makeState(variables: ["AWS_EC2_METADATA_DISABLED": "true"], home: try Self.home(source: "Ec2"))
        let result = try state.run(
            "local ok, e = pcall(aws.client, 'sts', {profile = 'ops'}) return e.code, e.message")
        XCTAssertEqual(result[0], .string("InvalidConfiguration"))
        XCTAssertTrue(result[1].stringValue?.contains("credential_source \"Ec2\"") ?? false, "\(result[1])")
        XCTAssertTrue(result[1].stringValue?.contains("profile \"ops\"") ?? false, "\(result[1])")
    }

    private static func home(source: String) throws -> String {
        let home = NSTemporaryDirectory() + "gluescript-source-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try """
        [profile ops]
        role_arn = arn:aws:iam::123456789012:role/operator
        credential_source = \(source)
        region = us-east-1

        """.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        return home
    }
}
