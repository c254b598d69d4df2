import XCTest

@testable import AWSCore

final class ProcessCredentialsProviderTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws { home = try TempHome() }
    override func tearDown() { home.remove() }

    /// Writes `script` as an executable and a profile `p` whose credential_process runs it.
    func profile(running script: String) throws -> ProcessCredentialsProvider {
        let path = home.root + "/creds.sh"
        try ("#!/bin/sh\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try home.write(config: "[profile p]\ncredential_process = \(path) --role admin\n")
        let resolver = try home.resolver(["AWS_PROFILE": "p"])
        return ProcessCredentialsProvider(files: resolver.files, profileName: "p")
    }

    func testCredentialsWithExpiration() throws {
        let provider = try profile(
            running: """
                [ "$2" = admin ] || exit 3
                echo '{"Version": 1, "AccessKeyId": "AKPROC", "SecretAccessKey": "secret", "SessionToken": "tok", "Expiration": "2030-01-02T03:04:05Z"}'
                """)
        let credentials = try provider.credentials()
        XCTAssertEqual(credentials.accessKeyID, "AKPROC")
        XCTAssertEqual(credentials.secretAccessKey, "secret")
        XCTAssertEqual(credentials.sessionToken, "tok")
        XCTAssertEqual(credentials.expiration, 1_893_553_445)
    }

    func testCredentialsWithoutExpiration() throws {
        let provider = try profile(
            running: #"printf '{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK"}'"#)
        let credentials = try provider.credentials()
        XCTAssertNil(credentials.expiration)
        XCTAssertNil(credentials.sessionToken)
    }

    func testFailureCarriesStderr() throws {
        let provider = try profile(running: "echo 'token expired, run sso login' >&2\nexit 2\n")
        XCTAssertThrowsError(try provider.credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "CredentialRetrievalError")
            XCTAssertTrue(error?.message.contains("status 2") ?? false)
            XCTAssertTrue(error?.message.contains("token expired, run sso login") ?? false)
        }
    }

    func testBadOutputIsAnError() throws {
        for (output, fragment) in [
            ("not json", "not a JSON object"),
            (#"{"Version":2,"AccessKeyId":"AK","SecretAccessKey":"SK"}"#, "Version 2"),
            (#"{"Version":1,"SecretAccessKey":"SK"}"#, "AccessKeyId"),
            (
                #"{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","Expiration":"tomorrow"}"#,
                "Expiration"
            ),
            (
                #"{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","Expiration":"2026-02-31T00:00:00Z"}"#,
                "Expiration"
            ),
        ] {
            let provider = try profile(running: "echo '\(output)'\n")
            XCTAssertThrowsError(try provider.credentials(), output) { error in
                XCTAssertEqual((error as? AWSError)?.code, "CredentialRetrievalError")
                XCTAssertTrue((error as? AWSError)?.message.contains(fragment) ?? false, "\(error)")
            }
        }
    }

    func testChainUsesProcessAndRefreshesOnExpiry() throws {
        let counter = home.root + "/count"
        let provider = try profile(
            running: """
                n=$(cat \(counter) 2>/dev/null || echo 0); n=$((n+1)); echo $n > \(counter)
                echo "{\\"Version\\":1,\\"AccessKeyId\\":\\"AK$n\\",\\"SecretAccessKey\\":\\"SK\\",\\"Expiration\\":\\"2030-01-01T00:00:00Z\\"}"
                """)
        let clock = TestClock(now: 1_893_456_000 - 3600)
        let chain = CredentialProviderChain(providers: [provider], now: clock.read)
        XCTAssertEqual(try chain.credentials().accessKeyID, "AK1")
        XCTAssertEqual(chain.source, "credential_process")
        clock.now += 30 * 60
        XCTAssertEqual(try chain.credentials().accessKeyID, "AK1")
        clock.now += 20 * 60
        XCTAssertEqual(try chain.credentials().accessKeyID, "AK2")
    }

    func testNotConfiguredMeansNotFound() throws {
        try home.write(config: "[default]\nregion = x\n")
        let provider = ProcessCredentialsProvider(
            files: try home.resolver([:]).files, profileName: "default")
        XCTAssertThrowsError(try provider.credentials()) { error in
            guard case CredentialsProviderError.notFound = error else { return XCTFail("\(error)") }
        }
    }
}
