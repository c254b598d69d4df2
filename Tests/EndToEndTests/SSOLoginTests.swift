import Foundation
import XCTest

/// `gluescript --sso-login` from the command line.
final class SSOLoginTests: XCTestCase {
    func testAProfileWithoutASignInIsAClearError() throws {
        let home = try ScratchFolder()
        try home.write(".aws/config", "[profile keys]\nregion = us-east-1\n")
        let session = try TerminalSession(["--sso-login", "--profile", "keys"], home: home)
        XCTAssertTrue(session.read(until: "has no sso_session"), session.transcript)
        XCTAssertTrue(session.transcript.contains("profile \"keys\""), session.transcript)
        XCTAssertEqual(session.waitForExit(), 1)
    }

    func testTheHelpNamesTheFlag() throws {
        let outcome = try GluescriptProcess.run(["--help"])
        XCTAssertTrue(outcome.stdout.contains("--sso-login"), outcome.stdout)
    }
}
