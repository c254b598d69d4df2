import Foundation
import XCTest

@testable import AWSCore

/// A `ContentLength` given as input is the length curl sends, or the call is refused before
/// anything is sent: the signature always covers the `Content-Length` on the wire.
final class ContentLengthCheckTests: XCTestCase {
    private func client(_ server: TestHTTPServer) throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil, credentials: StaticCredentialsProvider(S3KeyOnTheWireTests.credentials))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        client.now = { S3KeyOnTheWireTests.signingDate }
        return client
    }

    func testANegativeOrWrongLengthIsAValidationErrorNamingTheMember() throws {
        let server = try TestHTTPServer { _ in .init(status: 200) }
        defer { server.stop() }
        let s3 = try client(server)
        for length: Int64 in [-1, 0, 5, Int64.min] {
            let input: JSONValue = [
                "Bucket": "b", "Key": "k", "Body": .binary([120]), "ContentLength": .integer(length),
            ]
            XCTAssertThrowsError(try s3.call("PutObject", input), "\(length)") {
                let error = $0 as? AWSError
                XCTAssertEqual(error?.code, "ValidationError")
                XCTAssertTrue(error?.message.hasPrefix("ContentLength: ") == true, error?.message ?? "")
            }
            XCTAssertThrowsError(try s3.buildRequest("PutObject", input), "\(length)")
        }
        XCTAssertTrue(server.requests.isEmpty, "nothing is sent")
    }

    func testTheBodysOwnLengthIsSentAsSigned() throws {
        let server = try TestHTTPServer { _ in .init(status: 200) }
        defer { server.stop() }
        _ = try client(server).call(
            "PutObject", ["Bucket": "b", "Key": "k", "Body": .binary([120]), "ContentLength": 1])
        let sent = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(sent.header("content-length"), "1")
        XCTAssertEqual(sent.body, [120])
        try S3KeyOnTheWireTests.assertSignatureCovers(sent, baseURL: server.baseURL, key: "k")
    }
}
