import Foundation
import XCTest

@testable import AWSCore

/// `x-amz-meta-*` keys come back in the case the service sent them, as botocore's parser
/// keeps them (S3 itself sends them lower-cased; other S3-compatible servers may not).
final class S3MetadataCaseTests: XCTestCase {
    func testHeadObjectMetadataKeepsTheCaseOnTheWire() throws {
        let server = try TestHTTPServer(replies: [
            .init(status: 200, headers: [("x-amz-meta-Owner", "data team"), ("X-Amz-Meta-stage", "raw")], body: "")
        ])
        defer { server.stop() }
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:\(server.port)",
            retry: RetrySettings(maxAttempts: 1), caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let s3 = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        let output = try s3.call("HeadObject", ["Bucket": "b", "Key": "k"])
        XCTAssertEqual(output["Metadata"], ["Owner": "data team", "stage": "raw"])
    }
}
