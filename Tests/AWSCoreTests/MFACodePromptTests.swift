import XCTest

@testable import AWSCore

final class MFACodePromptTests: XCTestCase {
    func testWithoutATerminalTheErrorNamesMFASerialAndTheProfile() {
        let prompt = MFACodePrompt(profileDescription: "profile \"mfa\" in /home/a/.aws/config")
        prompt.readLine = { _ in nil }
        XCTAssertThrowsError(try prompt.code(for: "arn:aws:iam::123456789012:mfa/alice")) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "MFACodeRequired")
            XCTAssertTrue(error?.message.contains("mfa_serial arn:aws:iam::123456789012:mfa/alice") ?? false)
            XCTAssertTrue(error?.message.contains("profile \"mfa\"") ?? false)
            XCTAssertTrue(error?.message.contains("no terminal") ?? false)
        }
    }

    func testTheCodeIsAskedOnlyOnce() throws {
        let prompt = MFACodePrompt(profileDescription: "profile \"mfa\"")
        var prompts: [String] = []
        prompt.readLine = {
            prompts.append($0)
            return " 654321 \n"
        }
        XCTAssertEqual(try prompt.code(for: "serial"), "654321")
        XCTAssertThrowsError(try prompt.code(for: "serial")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "MFASessionExpired")
        }
        XCTAssertEqual(prompts, ["Enter MFA code for serial: "])
    }
}
