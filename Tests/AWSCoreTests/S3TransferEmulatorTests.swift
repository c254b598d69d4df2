import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// A multipart upload that breaks half-way against a real emulator (moto, with 256 KiB parts
/// allowed) is aborted: the bucket lists no open upload afterwards.
final class S3TransferEmulatorTests: XCTestCase {
    func testAFileThatShrinksDuringTheUploadLeavesNoOpenUpload() throws {
        let emulator: LocalEmulator
        do {
            emulator = try LocalEmulator.start(environment: ["S3_UPLOAD_PART_MIN_SIZE": "262144"])
        } catch {
            throw Prerequisite.missing("the AWS emulator (python3 -m moto.server) did not start: \(error)")
        }
        defer { emulator.stop() }
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: emulator.url, retry: RetrySettings(maxAttempts: 2),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        _ = try client.call("CreateBucket", ["Bucket": "shrink"])
        let folder = try TemporaryDirectory()
        let path = try folder.write("data.bin", Array(repeating: 42, count: 1024 * 1024))
        var options = S3TransferOptions()
        options.partSize = 256 * 1024
        options.minimumPartSize = 256 * 1024
        options.threshold = 512 * 1024
        options.concurrency = 1
        options.progress = { _ in truncate(path, 300 * 1024) }
        let transfer = try S3Transfer(client: client, options: options)
        XCTAssertThrowsError(try transfer.uploadFile(path, bucket: "shrink", key: "k")) {
            XCTAssertTrue(
                ["FileChanged", "BodyFileError", "FileNotReadable"].contains(($0 as? AWSError)?.code ?? ""), "\($0)")
        }
        let uploads = try client.call("ListMultipartUploads", ["Bucket": "shrink"])["Uploads"]?.arrayValue ?? []
        XCTAssertEqual(uploads.count, 0, "the broken upload was aborted")
        let objects = try client.call("ListObjectsV2", ["Bucket": "shrink"])["KeyCount"]
        XCTAssertEqual(objects, .integer(0))
    }
}
