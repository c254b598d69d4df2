import Foundation
import Host
import XCTest

/// Profiles with `role_arn` and `source_profile` get their credentials from STS AssumeRole.
final class AssumeRoleTests: XCTestCase {
    func testAnAssumeRoleProfileCallsSTSWithTheSourceProfile() throws {
        let emulator = try Emulator.shared.get()
        let home = try Self.home(deployProfile: "role_session_name = nightly\nregion = eu-west-1")
        let state = makeState(
            variables: [
                "AWS_PROFILE": "deploy", "AWS_ENDPOINT_URL": emulator.url, "AWS_EC2_METADATA_DISABLED": "true",
            ],
            home: home)
        let result = try state.run(
            """
            local c = aws.config()
            local id = aws.client("sts"):get_caller_identity()
            return c.credential_source, c.access_key_id, id.Arn
            """)
        XCTAssertEqual(result[0], .string("assume-role"))
        XCTAssertNotEqual(result[1], .string("AKIDBASE"), "the role's own key is used, not the source's")
        XCTAssertTrue(result[2].stringValue?.contains("assumed-role/deployer/nightly") ?? false, "\(result[2])")
    }

    func testTheRoleIsNotAssumedAtTheEndpointOfOneClient() throws {
        let emulator = try Emulator.shared.get()
        let home = try Self.home(deployProfile: "region = us-east-1")
        let state = makeState(
            variables: [
                "AWS_PROFILE": "deploy", "AWS_ENDPOINT_URL_STS": emulator.url, "AWS_EC2_METADATA_DISABLED": "true",
            ], home: home)
        let result = try state.run(
            """
            local s3 = aws.client("s3", {endpoint_url = "http://127.0.0.1:9", max_attempts = 1})
            local ok, e = pcall(s3.list_buckets, s3)
            return e.code
            """)
        XCTAssertEqual(result, [.string("ConnectionError")], "STS answered; only S3's own endpoint was refused")
    }

    func testARoleWithoutASourceIsAClearError() throws {
        let home = NSTemporaryDirectory() + "gluescript-assume-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try "[profile lost]\nrole_arn = arn:aws:iam::123456789012:role/x\nregion = us-east-1\n"
            .write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        let state = makeState(variables: ["AWS_PROFILE": "lost", "AWS_EC2_METADATA_DISABLED": "true"], home: home)
        let result = try state.run("local ok, e = pcall(aws.client, 'glue') return e.code, e.message")
        XCTAssertEqual(result[0], .string("InvalidConfiguration"))
        XCTAssertTrue(result[1].stringValue?.contains("source_profile") ?? false, "\(result[1])")
    }

    /// A throw-away HOME whose config has a `base` profile with keys and a `deploy` profile
    /// assuming a role from it, with `deployProfile` lines added.
    private static func home(deployProfile extra: String) throws -> String {
        let home = NSTemporaryDirectory() + "gluescript-assume-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        let config = """
            [profile base]
            aws_access_key_id = AKIDBASE
            aws_secret_access_key = base-secret

            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            \(extra)

            """
        try config.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        return home
    }
}
