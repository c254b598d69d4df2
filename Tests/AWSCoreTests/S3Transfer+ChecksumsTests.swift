import Foundation
import XCTest

@testable import AWSCore

/// Checksums in managed transfers: each part's own checksum, the composite S3 builds from
/// them, and downloads checked against the object's checksum.
final class S3TransferChecksumsTests: XCTestCase {
    private func transfer(_ fake: S3TransferTests.FakeS3, extra: JSONValue = .object([:])) throws -> S3Transfer {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:9",
            retry: RetrySettings(maxAttempts: 1), caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration,
            transport: fake)
        var options = S3TransferOptions()
        options.threshold = 1000
        options.partSize = 1024
        options.minimumPartSize = 1
        options.concurrency = 1
        options.extra = extra
        return try S3Transfer(client: client, options: options, transport: fake)
    }

    private static let data = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) }

    func testEachPartCarriesItsChecksumAndTheCompletionListsThem() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("data.bin", Self.data)
        let fake = S3TransferTests.FakeS3()
        let result = try transfer(fake, extra: .object(["ChecksumAlgorithm": .string("CRC32C")]))
            .uploadFile(path, bucket: "b", key: "k")
        let create = try XCTUnwrap(fake.requests("POST", containing: "?uploads").first)
        XCTAssertEqual(create.header("x-amz-checksum-algorithm"), "CRC32C")
        let partSums = stride(from: 0, to: 3000, by: 1024).map {
            ChecksumAlgorithm.crc32c.base64(of: Array(Self.data[$0..<min(3000, $0 + 1024)]))
        }
        let parts = fake.requests("PUT", containing: "partNumber=").sorted {
            S3TransferTests.FakeS3.partNumber($0) < S3TransferTests.FakeS3.partNumber($1)
        }
        XCTAssertEqual(parts.map { $0.header("x-amz-checksum-crc32c") }, partSums)
        XCTAssertEqual(parts.map { $0.header("x-amz-sdk-checksum-algorithm") }, ["CRC32C", "CRC32C", "CRC32C"])
        guard let complete = fake.requests("POST", containing: "uploadId=up-1").first,
            case .bytes(let body) = complete.body
        else { return XCTFail("no CompleteMultipartUpload") }
        let text = String(decoding: body, as: UTF8.self)
        for sum in partSums { XCTAssertTrue(text.contains("<ChecksumCRC32C>\(sum)</ChecksumCRC32C>"), text) }
        XCTAssertEqual(result.checksum, try S3Transfer.compositeChecksum(partSums, algorithm: .crc32c))
    }

    func testUploadsGetCRC32ByDefault() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("data.bin", Self.data)
        let fake = S3TransferTests.FakeS3()
        _ = try transfer(fake).uploadFile(path, bucket: "b", key: "k")
        XCTAssertEqual(fake.requests("POST", containing: "?uploads").first?.header("x-amz-checksum-algorithm"), "CRC32")
        XCTAssertEqual(fake.requests("PUT", containing: "partNumber=").count, 3)
        XCTAssertTrue(
            fake.requests("PUT", containing: "partNumber=").allSatisfy { $0.header("x-amz-checksum-crc32") != nil })
    }

    func testACompositeThatDoesNotMatchThePartsIsAnError() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("data.bin", Self.data)
        let fake = S3TransferTests.FakeS3()
        fake.completeAnswer =
            "<CompleteMultipartUploadResult><ETag>\"done-3\"</ETag><ChecksumCRC32>AAAAAA==-3</ChecksumCRC32></CompleteMultipartUploadResult>"
        XCTAssertThrowsError(try transfer(fake).uploadFile(path, bucket: "b", key: "k")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ChecksumMismatch")
        }
    }

    /// A download whose bytes do not match the object's checksum fails and leaves no file.
    func testADownloadThatDoesNotMatchItsChecksumLeavesNoFile() throws {
        let checksum = ChecksumAlgorithm.crc32.base64(of: Array("payload".utf8))
        let server = try TestHTTPServer { received in
            if received.method == "HEAD" {
                return .init(headers: [("Content-Length", "7"), ("ETag", "\"e\"")])
            }
            XCTAssertEqual(received.header("x-amz-checksum-mode"), "ENABLED")
            return .init(headers: [("x-amz-checksum-crc32", checksum), ("ETag", "\"e\"")], body: "PAYLOAD")
        }
        defer { server.stop() }
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        let folder = try TemporaryDirectory()
        XCTAssertThrowsError(
            try S3Transfer(client: client).downloadFile(bucket: "b", key: "k", to: folder.path + "/out")
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ChecksumMismatch")
        }
        XCTAssertEqual(try folder.contents(), [])
    }
}
