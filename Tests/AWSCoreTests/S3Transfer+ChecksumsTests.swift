import Foundation
import XCTest

@testable import AWSCore

#if canImport(Glibc)
    import Glibc
#endif

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

    /// A server whose GetObject answers `body` with the CRC32 of `"payload"`.
    private func serverWithWrongChecksum(body: String) throws -> TestHTTPServer {
        let checksum = ChecksumAlgorithm.crc32.base64(of: Array("payload".utf8))
        return try TestHTTPServer { received in
            if received.method == "HEAD" {
                return .init(headers: [("Content-Length", "\(body.utf8.count)"), ("ETag", "\"e\"")])
            }
            return .init(headers: [("x-amz-checksum-crc32", checksum), ("ETag", "\"e\"")], body: body)
        }
    }

    private func client(_ server: TestHTTPServer) throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        return try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
    }

    /// Written as it arrives (at its offset, or straight into the target's temporary file),
    /// a body that fails its checksum still leaves a file already there as it was.
    func testAMismatchLeavesAnExistingFileAsItWas() throws {
        let server = try serverWithWrongChecksum(body: "PAYLOAD")
        defer { server.stop() }
        let folder = try TemporaryDirectory()
        let path = try folder.write("out", Array("old".utf8))
        XCTAssertThrowsError(try S3Transfer(client: try client(server)).downloadFile(bucket: "b", key: "k", to: path)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "ChecksumMismatch", "\($0)")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("\(path) was not written") ?? false, "\($0)")
        }
        XCTAssertThrowsError(
            try client(server).call(
                "GetObject", ["Bucket": "b", "Key": "k"], options: CallOptions(responseBodyPath: path))
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "ChecksumMismatch", "\($0)")
        }
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), Array("old".utf8))
        XCTAssertEqual(try folder.contents(), ["out"], "no temporary file")
    }

    /// A FIFO is written in place, so the bytes that failed the check were already given to
    /// its reader: the error says so rather than claim nothing was written.
    func testAMismatchIntoAFIFOSaysTheBytesWereWritten() throws {
        let server = try serverWithWrongChecksum(body: "PAYLOAD")
        defer { server.stop() }
        let folder = try TemporaryDirectory()
        let fifo = folder.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let done = DispatchSemaphore(value: 0)
        let read = FIFOBytes()
        Thread.detachNewThread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = Glibc.read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                read.append(buffer.prefix(count))
            }
            close(descriptor)
            done.signal()
        }
        XCTAssertThrowsError(
            try client(server).call(
                "GetObject", ["Bucket": "b", "Key": "k"], options: CallOptions(responseBodyPath: fifo))
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "ChecksumMismatch", "\($0)")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("\(fifo) already holds the bytes") ?? false, "\($0)")
        }
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(read.all, Array("PAYLOAD".utf8))
        XCTAssertEqual(try folder.contents(), ["pipe"])
    }

    /// Bytes read from a FIFO by another thread.
    private final class FIFOBytes: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []

        func append(_ more: ArraySlice<UInt8>) {
            lock.lock()
            bytes += more
            lock.unlock()
        }

        var all: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            return bytes
        }
    }
}
