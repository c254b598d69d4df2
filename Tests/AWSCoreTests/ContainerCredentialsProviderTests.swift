import XCTest

@testable import AWSCore

final class ContainerCredentialsProviderTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws { home = try TempHome() }
    override func tearDown() { home.remove() }

    let body = Array(
        #"{"AccessKeyId":"ASIAECS","SecretAccessKey":"ecs-secret","Token":"ecs-token","Expiration":"2030-01-01T00:00:00Z"}"#
            .utf8)

    func provider(
        _ env: [String: String], _ client: FakeCredentialHTTPClient, sleeps: SleepLog = SleepLog()
    )
        -> ContainerCredentialsProvider
    {
        ContainerCredentialsProvider(
            environment: home.environment(env), client: client, sleep: sleeps.record)
    }

    func testRelativeURI() throws {
        let client = FakeCredentialHTTPClient { _ in HTTPResponse(status: 200, body: self.body) }
        let credentials = try provider(
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"], client
        )
        .credentials()
        XCTAssertEqual(credentials.accessKeyID, "ASIAECS")
        XCTAssertEqual(credentials.sessionToken, "ecs-token")
        XCTAssertEqual(credentials.expiration, 1_893_456_000)
        XCTAssertEqual(client.requests.first?.request.url, "http://169.254.170.2/v2/credentials/abc")
        XCTAssertEqual(client.requests.first?.request.header("Accept"), "application/json")
        XCTAssertNil(client.requests.first?.request.header("Authorization"))
    }

    func testFullURIWithTokenAndTokenFile() throws {
        let client = FakeCredentialHTTPClient { _ in HTTPResponse(status: 200, body: self.body) }
        let env = [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "tok-env",
        ]
        _ = try provider(env, client).credentials()
        XCTAssertEqual(client.requests.last?.request.url, "http://localhost:8080/creds")
        XCTAssertEqual(client.requests.last?.request.header("Authorization"), "tok-env")

        let tokenFile = home.root + "/token"
        try "tok-file\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        _ = try provider(
            env.merging(["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile]) { a, _ in a }, client
        )
        .credentials()
        XCTAssertEqual(client.requests.last?.request.header("Authorization"), "tok-file")
    }

    func testFullURIMustBeSafe() throws {
        let client = FakeCredentialHTTPClient { _ in HTTPResponse(status: 200, body: self.body) }
        XCTAssertThrowsError(
            try provider(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://evil.example.com/creds"], client)
                .credentials()
        ) { error in
            XCTAssertTrue((error as? AWSError)?.message.contains("evil.example.com") ?? false)
        }
        XCTAssertTrue(client.requests.isEmpty)
        _ = try provider(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "https://creds.example.com/x"], client)
            .credentials()
        _ = try provider(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/x"], client)
            .credentials()
    }

    func testRetriesThenFailsWithAnError() throws {
        let client = FakeCredentialHTTPClient { _ in HTTPResponse(status: 500, body: Array("oops".utf8))
        }
        let sleeps = SleepLog()
        XCTAssertThrowsError(
            try provider(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], client, sleeps: sleeps)
                .credentials()
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "CredentialRetrievalError")
            XCTAssertTrue((error as? AWSError)?.message.contains("HTTP 500") ?? false)
        }
        XCTAssertEqual(client.requests.count, 3)
        XCTAssertEqual(client.requests.map(\.timeout), [2, 2, 2])
        XCTAssertEqual(sleeps.delays, [1, 1])
    }

    func testRecoversOnALaterAttempt() throws {
        var calls = 0
        let client = FakeCredentialHTTPClient { _ in
            calls += 1
            return calls == 1 ? HTTPResponse(status: 503) : HTTPResponse(status: 200, body: self.body)
        }
        XCTAssertEqual(
            try provider(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"], client).credentials()
                .accessKeyID, "ASIAECS")
    }

    func testNotConfiguredMeansNotFound() throws {
        let client = FakeCredentialHTTPClient()
        XCTAssertThrowsError(try provider([:], client).credentials()) { error in
            guard case CredentialsProviderError.notFound = error else { return XCTFail("\(error)") }
        }
    }
}

/// Records the delays a provider asked to sleep, without sleeping.
final class SleepLog: @unchecked Sendable {
    var delays: [Double] = []
    var record: @Sendable (Double) -> Void { { self.delays.append($0) } }
}
