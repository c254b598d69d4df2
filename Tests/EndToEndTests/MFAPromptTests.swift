import Foundation
import XCTest

/// An assume-role profile with `mfa_serial` asks for the code on the terminal, once per run.
final class MFAPromptTests: XCTestCase {
    func testTheCodeIsAskedOnceAndSentWithAssumeRole() throws {
        let (home, endpoint, moto) = try Self.setUp()
        defer { moto?.stop() }
        let script = """
            local first = aws.client("sts"):get_caller_identity().Arn
            local again = aws.client("sts", {region = "eu-west-1"}):get_caller_identity().Arn
            print("arn: " .. first, first == again)
            """
        try home.write("who.lua", script)
        let session = try TerminalSession(
            ["--debug", home.url.appendingPathComponent("who.lua").path], home: home,
            variables: ["AWS_PROFILE": "mfa", "AWS_ENDPOINT_URL": endpoint, "AWS_EC2_METADATA_DISABLED": "true"])
        XCTAssertTrue(
            session.read(until: "Enter MFA code for arn:aws:iam::123456789012:mfa/alice: ", timeout: 20),
            session.transcript)
        session.type("123456\n")
        XCTAssertTrue(session.read(until: "arn: ", timeout: 20), session.transcript)
        XCTAssertEqual(session.waitForExit(timeout: 20), 0, session.transcript)
        XCTAssertTrue(session.transcript.contains("assumed-role/deployer/"), session.transcript)
        XCTAssertTrue(session.transcript.contains("true"), "both clients use the one session")
        XCTAssertEqual(session.transcript.components(separatedBy: "Enter MFA code").count, 2, "asked once")
        XCTAssertTrue(session.transcript.contains("TokenCode=123456"), "the code goes to AssumeRole")
        XCTAssertTrue(session.transcript.contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"))
        XCTAssertTrue(session.transcript.contains("mfa/alice: \n"), "the code is not echoed")
    }

    static func setUp() throws -> (ScratchFolder, String, MotoServer?) {
        let home = try ScratchFolder()
        try home.write(
            ".aws/config",
            """
            [profile base]
            aws_access_key_id = AKIDBASE
            aws_secret_access_key = base-secret
            region = us-east-1

            [profile mfa]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            mfa_serial = arn:aws:iam::123456789012:mfa/alice
            region = us-east-1

            """)
        if let endpoint = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] {
            return (home, endpoint, nil)
        }
        let moto = try MotoServer()
        return (home, moto.url, moto)
    }
}

/// Without a terminal an MFA profile is a clear error, not a hang.
final class MFAWithoutTerminalTests: XCTestCase {
    func testNoTerminalIsAnErrorNamingMFASerial() throws {
        let (home, endpoint, moto) = try MFAPromptTests.setUp()
        defer { moto?.stop() }
        let outcome = try GluescriptProcess(
            ["-e", "aws.client('sts'):get_caller_identity()"],
            environment: [
                "HOME": home.url.path, "AWS_PROFILE": "mfa", "AWS_ENDPOINT_URL": endpoint,
                "AWS_EC2_METADATA_DISABLED": "true",
            ], withoutTerminal: true
        ).finish(timeout: 20)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("MFACodeRequired"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("mfa_serial arn:aws:iam::123456789012:mfa/alice"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("profile \"mfa\""), outcome.stderr)
    }
}
