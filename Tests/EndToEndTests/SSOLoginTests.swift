import Foundation
import TestPrerequisites
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

/// The whole IAM Identity Center round trip through the binary: `--sso-login` against a stub
/// of SSO-OIDC and the portal, then a script whose credentials come from the cached token.
final class SSOLoginRoundTripTests: XCTestCase {
    static let stub = #"""
        import json, sys
        from http.server import BaseHTTPRequestHandler, HTTPServer
        polls = []
        class Stub(BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/client/register":
                    self.answer(200, {"clientId": "cid", "clientSecret": "csecret", "clientSecretExpiresAt": 4102444800})
                elif self.path == "/device_authorization":
                    self.answer(200, {"deviceCode": "dev", "userCode": "WXYZ-1234", "expiresIn": 60, "interval": 1,
                                      "verificationUri": "https://device.example/",
                                      "verificationUriComplete": "https://device.example/?user_code=WXYZ-1234"})
                elif not polls:
                    polls.append(1)
                    self.answer(400, {"error": "authorization_pending"})
                else:
                    self.answer(200, {"accessToken": "stub-access-token", "expiresIn": 3600})
            def do_GET(self):
                if self.headers.get("x-amz-sso_bearer_token") != "stub-access-token":
                    return self.answer(401, {"message": "bad token"})
                self.answer(200, {"roleCredentials": {"accessKeyId": "ASIASTUBPORTAL", "secretAccessKey": "s",
                                                      "sessionToken": "t", "expiration": 4102444800000}})
        server = HTTPServer(("127.0.0.1", 0), Stub)
        print(server.server_port, flush=True)
        server.serve_forever()
        """#

    func testSignInThenUseTheProfile() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", Self.stub]
        let output = Pipe()
        server.standardOutput = output
        do { try server.run() } catch { throw Prerequisite.missing("python3 is not available") }
        defer { server.terminate() }
        let portLine = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try XCTUnwrap(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), portLine)
        let home = try ScratchFolder()
        try home.write(
            ".aws/config",
            """
            [profile dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Admin
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1

            """)
        let outcome = try GluescriptProcess.run(
            ["--sso-login", "--profile", "dev", "-e", "print(aws.config().access_key_id)"],
            environment: [
                "HOME": home.url.path, "AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:\(port)",
                "AWS_ENDPOINT_URL_SSO_OIDC": "http://127.0.0.1:\(port)", "AWS_EC2_METADATA_DISABLED": "true",
            ], timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("https://device.example/?user_code=WXYZ-1234"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("WXYZ-1234"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "ASIASTUBPORTAL\n")
        XCTAssertFalse(outcome.stderr.contains("stub-access-token"), "the token is never printed")
        let cache = home.url.appendingPathComponent(".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path), "the cache aws sso login reads")
    }
}
