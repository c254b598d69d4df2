import Foundation
import XCTest

@testable import AWSCore

/// S3's rules in the client: following a bucket to its region once, and the retry of a 200
/// that carries an error.
final class AWSClientS3Tests: XCTestCase {
    private func client(endpoint: String, region: String = "us-east-1") throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: region, endpointURL: endpoint, retry: RetrySettings(maxAttempts: 2),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        client.retryPolicy.sleep = { _ in }
        return client
    }

    func testAWrongRegionAnswerIsFollowedOnceToTheBucketsRegion() throws {
        let server = try TestHTTPServer(
            replies: [
                .init(
                    status: 301, headers: [("x-amz-bucket-region", "eu-west-1"), ("Content-Type", "application/xml")],
                    body: "<Error><Code>PermanentRedirect</Code><Message>elsewhere</Message></Error>"),
                .init(status: 200, body: "<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount></ListBucketResult>"),
            ], fallback: .init(status: 200, body: "<ListBucketResult><Name>b</Name></ListBucketResult>"))
        defer { server.stop() }
        let s3 = try client(endpoint: "http://127.0.0.1:\(server.port)")
        let output = try s3.call("ListObjectsV2", ["Bucket": "b"])
        XCTAssertEqual(output["Name"], "b")
        _ = try s3.call("ListObjectsV2", ["Bucket": "b"])
        let requests = server.requests
        XCTAssertEqual(requests.count, 3, "the second call goes straight to the bucket's region")
        XCTAssertTrue(requests[0].header("authorization")?.contains("/us-east-1/s3/") ?? false)
        XCTAssertTrue(requests[1].header("authorization")?.contains("/eu-west-1/s3/") ?? false)
        XCTAssertTrue(requests[2].header("authorization")?.contains("/eu-west-1/s3/") ?? false)
    }

    func testA200WithAnErrorBodyIsRetriedAndThenRaised() throws {
        let error = "<Error><Code>InternalError</Code><Message>copy failed</Message></Error>"
        let server = try TestHTTPServer(replies: [.init(status: 200, body: error), .init(status: 200, body: error)])
        defer { server.stop() }
        XCTAssertThrowsError(
            try client(endpoint: "http://127.0.0.1:\(server.port)").call(
                "CopyObject", ["Bucket": "b", "Key": "k", "CopySource": "b/src"])
        ) { thrown in
            let error = thrown as? AWSError
            XCTAssertEqual(error?.code, "InternalError")
            XCTAssertEqual(error?.attempts, 2)
            XCTAssertEqual(error?.operation, "CopyObject")
        }
    }
}
