import Foundation
import TestPrerequisites
import XCTest

/// `--debug` shows each request and response on stderr with secrets replaced.
final class DebugLogTests: XCTestCase {
    func testRequestsAndResponsesAreLoggedWithSecretsRedacted() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import moto.server"]
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw Prerequisite.missing("moto is not installed; scripts/test installs it")
        }
        let outcome = try GluescriptProcess([
            "--local", "--debug", "-e",
            """
            local iam = aws.client("iam")
            iam:create_user{UserName = "logged"}
            local key = iam:create_access_key{UserName = "logged"}.AccessKey
            print(#key.SecretAccessKey)
            """,
        ]).finish(timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("> POST http://127.0.0.1:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Action=CreateAccessKey"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("< HTTP 200"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Authorization: <redacted>"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("<SecretAccessKey><redacted></SecretAccessKey>"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("Signature="), "no part of a signature is shown")
        XCTAssertEqual(outcome.stdout, "40\n", "the script itself still gets the secret")
    }

    func testDebugTurnedOnInTheScriptReachesClientsMadeBefore() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import moto.server"]
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw Prerequisite.missing("moto is not installed; scripts/test installs it")
        }
        let outcome = try GluescriptProcess([
            "--local", "-e",
            "local sts = aws.client('sts') sts:get_caller_identity() aws.config{debug = true} sts:get_caller_identity()",
        ]).finish(timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr.components(separatedBy: "Action=GetCallerIdentity").count, 2, outcome.stderr)
    }
}
