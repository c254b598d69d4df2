import Foundation
import Host
import XCTest

/// `AWS_ROLE_ARN` with `AWS_WEB_IDENTITY_TOKEN_FILE` (as CI jobs and EKS pods have them) sign in
/// through STS `AssumeRoleWithWebIdentity`, after environment keys and before the files.
final class WebIdentityTests: XCTestCase {
    func testTheWebIdentityVariablesSignIn() throws {
        let emulator = try Emulator.shared.get()
        let home = NSTemporaryDirectory() + "gluescript-webid-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try "projected-token".write(toFile: home + "/token", atomically: true, encoding: .utf8)
        try "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n"
            .write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        let state = makeState(
            variables: [
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/pod", "AWS_WEB_IDENTITY_TOKEN_FILE": "~/token",
                "AWS_ROLE_SESSION_NAME": "pod-session", "AWS_ENDPOINT_URL": emulator.url, "AWS_REGION": "us-east-1",
                "AWS_EC2_METADATA_DISABLED": "true",
            ],
            home: home)
        let result = try state.run(
            """
            local id = aws.client("sts"):get_caller_identity()
            local c = aws.config()
            return c.credential_source, c.access_key_id, id.Arn
            """)
        XCTAssertEqual(result[0], .string("assume-role-with-web-identity"))
        XCTAssertNotEqual(result[1], .string("AKIDFILE"), "web identity comes before the credentials file")
        XCTAssertTrue(result[2].stringValue?.contains("assumed-role/pod/pod-session") ?? false, "\(result[2])")
    }

    func testEnvironmentKeysComeFirst() throws {
        let emulator = try Emulator.shared.get()
        var variables = emulator.variables
        variables["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/pod"
        variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/nonexistent/token"
        let state = makeState(variables: variables)
        let result = try state.run("return aws.config().credential_source")
        XCTAssertEqual(result, [.string("environment")])
    }
}
