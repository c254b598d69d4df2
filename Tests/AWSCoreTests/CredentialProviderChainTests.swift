import XCTest

@testable import AWSCore

final class CredentialProviderChainTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws { home = try TempHome() }
    override func tearDown() { home.remove() }

    let offline = ["AWS_EC2_METADATA_DISABLED": "true"]

    func chain(_ env: [String: String], _ overrides: ConfigOverrides = ConfigOverrides()) throws
        -> CredentialProviderChain
    {
        try home.resolver(env.merging(offline) { a, _ in a }, overrides)
            .credentialChain(httpClient: FakeCredentialHTTPClient())
    }

    func testEnvironmentBeatsFiles() throws {
        try home.write(
            credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = FILESECRET\n")
        let chain = try chain([
            "AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "ENVSECRET",
            "AWS_SECURITY_TOKEN": "OLDTOKEN",
        ])
        XCTAssertEqual(
            try chain.credentials(),
            Credentials(accessKeyID: "ENVKEY", secretAccessKey: "ENVSECRET", sessionToken: "OLDTOKEN"))
        XCTAssertEqual(chain.source, "environment")
    }

    func testSessionTokenPreferredOverSecurityToken() throws {
        let chain = try chain([
            "AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "NEW",
            "AWS_SECURITY_TOKEN": "OLD",
        ])
        XCTAssertEqual(try chain.credentials().sessionToken, "NEW")
    }

    func testExplicitProfileSkipsEnvironment() throws {
        try home.write(
            credentials: "[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = DEVSECRET\n")
        let env = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "ENVSECRET"]
        XCTAssertEqual(
            try chain(env, ConfigOverrides(profile: "dev")).credentials().accessKeyID, "DEVKEY")
        XCTAssertEqual(
            try chain(env.merging(["AWS_PROFILE": "dev"]) { a, _ in a }).credentials().accessKeyID,
            "ENVKEY")
    }

    func testExplicitCredentialsComeFirst() throws {
        let fixed = Credentials(accessKeyID: "LOCAL", secretAccessKey: "local")
        let chain = try chain(
            ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "S"],
            ConfigOverrides(credentials: fixed))
        XCTAssertEqual(try chain.credentials(), fixed)
        XCTAssertEqual(chain.source, "explicit")
    }

    func testSharedCredentialsFileBeatsConfigFile() throws {
        try home.write(
            config: "[profile p]\naws_access_key_id = CFGKEY\naws_secret_access_key = CFGSECRET\n",
            credentials:
                "[p]\naws_access_key_id = CREDKEY\naws_secret_access_key = CREDSECRET\naws_session_token = T\n"
        )
        let chain = try chain(["AWS_PROFILE": "p"])
        XCTAssertEqual(
            try chain.credentials(),
            Credentials(accessKeyID: "CREDKEY", secretAccessKey: "CREDSECRET", sessionToken: "T"))
        XCTAssertEqual(chain.source, "shared-credentials-file")
    }

    func testConfigFileKeysUsedWhenCredentialsFileHasNone() throws {
        try home.write(
            config: "[profile p]\naws_access_key_id = CFGKEY\naws_secret_access_key = CFGSECRET\n")
        let chain = try chain(["AWS_PROFILE": "p"])
        XCTAssertEqual(try chain.credentials().accessKeyID, "CFGKEY")
        XCTAssertEqual(chain.source, "config-file")
    }

    func testCredentialsFileSectionsAreNotPrefixed() throws {
        try home.write(
            credentials: "[profile p]\naws_access_key_id = WRONG\naws_secret_access_key = S\n")
        XCTAssertThrowsError(try chain(["AWS_PROFILE": "p"])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ProfileNotFound")
        }
    }

    func testPartialCredentialsAreAnError() throws {
        XCTAssertThrowsError(try chain(["AWS_ACCESS_KEY_ID": "K"]).credentials()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "PartialCredentials")
        }
        try home.write(credentials: "[default]\naws_access_key_id = K\n")
        XCTAssertThrowsError(try chain([:]).credentials()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "PartialCredentials")
            XCTAssertTrue((error as? AWSError)?.message.contains(home.credentialsPath) ?? false)
        }
    }

    func testNoCredentialsListsWhereItLooked() throws {
        XCTAssertThrowsError(try chain([:]).credentials()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "NoCredentials")
            for place in [
                "AWS_ACCESS_KEY_ID", home.credentialsPath, home.configPath, "credential_process",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_EC2_METADATA_DISABLED",
            ] {
                XCTAssertTrue(
                    error?.message.contains(place) ?? false,
                    "missing \(place) in \(String(describing: error))")
            }
        }
    }

    func testChainSticksWithTheProviderThatAnswered() throws {
        let first = CountingProvider(result: nil)
        let second = CountingProvider(result: Credentials(accessKeyID: "B", secretAccessKey: "b"))
        let chain = CredentialProviderChain(providers: [first, second])
        XCTAssertEqual(try chain.credentials().accessKeyID, "B")
        XCTAssertEqual(try chain.credentials().accessKeyID, "B")
        XCTAssertEqual(first.calls, 1)
        XCTAssertEqual(second.calls, 1)
    }
}

/// A provider that answers with fixed credentials, or has none, and counts its calls.
final class CountingProvider: CredentialsProvider, @unchecked Sendable {
    let source = "counting"
    var result: Credentials?
    var failure: Error?
    var calls = 0

    init(result: Credentials?) { self.result = result }

    func credentials() throws -> Credentials {
        calls += 1
        if let failure { throw failure }
        guard let result else { throw CredentialsProviderError.notFound(reason: "counting (empty)") }
        return result
    }
}
