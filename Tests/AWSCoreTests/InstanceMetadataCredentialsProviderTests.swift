import XCTest

@testable import AWSCore

final class InstanceMetadataCredentialsProviderTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws { home = try TempHome() }
    override func tearDown() { home.remove() }

    let document = #"""
        {"Code": "Success", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "imds-secret", "Token": "imds-token",
         "Expiration": "2030-01-01T00:00:00Z", "Type": "AWS-HMAC"}
        """#

    func provider(
        _ env: [String: String], _ client: FakeCredentialHTTPClient, now: Double = 1_800_000_000
    ) throws
        -> InstanceMetadataCredentialsProvider
    {
        InstanceMetadataCredentialsProvider(
            resolver: try home.resolver(env), client: client, now: { now })
    }

    /// An IMDS that wants a token and serves role `web` with `document`.
    func metadataService(tokenStatus: Int = 200) -> FakeCredentialHTTPClient {
        FakeCredentialHTTPClient { request in
            switch (request.method, request.url) {
            case ("PUT", "http://169.254.169.254/latest/api/token"):
                return HTTPResponse(status: tokenStatus, body: Array("TOKEN123".utf8))
            case ("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"):
                return HTTPResponse(status: 200, body: Array("web\n".utf8))
            case ("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/web"):
                return HTTPResponse(status: 200, body: Array(self.document.utf8))
            default:
                return HTTPResponse(status: 404)
            }
        }
    }

    func testIMDSv2TokenThenRoleThenCredentials() throws {
        let client = metadataService()
        let credentials = try provider([:], client).credentials()
        XCTAssertEqual(
            credentials,
            Credentials(
                accessKeyID: "ASIAIMDS", secretAccessKey: "imds-secret", sessionToken: "imds-token",
                expiration: 1_893_456_000))
        let requests = client.requests
        XCTAssertEqual(requests.map(\.request.method), ["PUT", "GET", "GET"])
        XCTAssertEqual(requests[0].request.header("x-aws-ec2-metadata-token-ttl-seconds"), "21600")
        XCTAssertEqual(requests[1].request.header("x-aws-ec2-metadata-token"), "TOKEN123")
        XCTAssertEqual(requests[2].request.header("x-aws-ec2-metadata-token"), "TOKEN123")
        XCTAssertEqual(requests.map(\.timeout), [1, 1, 1])
    }

    func testFallsBackToIMDSv1WhenTokenIsRefused() throws {
        let client = metadataService(tokenStatus: 403)
        XCTAssertEqual(try provider([:], client).credentials().accessKeyID, "ASIAIMDS")
        XCTAssertNil(client.requests[1].request.header("x-aws-ec2-metadata-token"))
    }

    func testDisabledSendsNothing() throws {
        let client = metadataService()
        XCTAssertThrowsError(try provider(["AWS_EC2_METADATA_DISABLED": "true"], client).credentials()) { error in
            guard case CredentialsProviderError.notFound(let reason) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(reason.contains("AWS_EC2_METADATA_DISABLED"))
        }
        XCTAssertTrue(client.requests.isEmpty)
    }

    func testUnreachableServiceMeansNotFoundAfterOneAttempt() throws {
        let client = FakeCredentialHTTPClient { _ in
            throw AWSError(code: "ConnectionError", message: "timed out")
        }
        XCTAssertThrowsError(try provider([:], client).credentials()) { error in
            guard case CredentialsProviderError.notFound = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(client.requests.map(\.request.method), ["PUT", "GET"])
    }

    func testEndpointOverride() throws {
        let client = FakeCredentialHTTPClient { request in
            if request.url.hasSuffix("/latest/api/token") {
                return HTTPResponse(status: 200, body: Array("T".utf8))
            }
            if request.url.hasSuffix("security-credentials/") {
                return HTTPResponse(status: 200, body: Array("r".utf8))
            }
            return HTTPResponse(status: 200, body: Array(self.document.utf8))
        }
        _ = try provider(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338"], client)
            .credentials()
        XCTAssertEqual(
            client.requests.map(\.request.url),
            [
                "http://127.0.0.1:1338/latest/api/token",
                "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/",
                "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/r",
            ])
    }

    func testIncompleteDocumentMeansNotFound() throws {
        let client = FakeCredentialHTTPClient { request in
            if request.method == "PUT" { return HTTPResponse(status: 200, body: Array("T".utf8)) }
            if request.url.hasSuffix("/") { return HTTPResponse(status: 200, body: Array("web".utf8)) }
            return HTTPResponse(
                status: 200, body: Array(#"{"Code":"AssumeRoleUnauthorizedAccess","Message":"no"}"#.utf8))
        }
        XCTAssertThrowsError(try provider([:], client).credentials()) { error in
            guard case CredentialsProviderError.notFound = error else { return XCTFail("\(error)") }
        }
    }

    func testNearlyExpiredCredentialsAreExtended() throws {
        let now: Double = 1_893_456_000 - 60
        let credentials = try provider([:], metadataService(), now: now).credentials()
        let expiration = try XCTUnwrap(credentials.expiration)
        XCTAssertGreaterThanOrEqual(expiration, now + 12 * 60)
        XCTAssertLessThanOrEqual(expiration, now + 20 * 60)
    }
}

/// Answers credential HTTP requests from a closure and records them with their time-outs.
final class FakeCredentialHTTPClient: CredentialHTTPClient, @unchecked Sendable {
    private let handler: (HTTPRequest) throws -> HTTPResponse
    private(set) var requests: [(request: HTTPRequest, timeout: Double)] = []

    init(
        _ handler: @escaping (HTTPRequest) throws -> HTTPResponse = { _ in HTTPResponse(status: 404) }
    ) {
        self.handler = handler
    }

    func send(_ request: HTTPRequest, timeout: Double) throws -> HTTPResponse {
        requests.append((request, timeout))
        return try handler(request)
    }
}
