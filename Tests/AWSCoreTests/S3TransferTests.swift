import Foundation
import XCTest

@testable import AWSCore

/// Managed uploads and downloads against a fake S3: parts in order, retries of one part,
/// aborts after failures and interrupts, and downloads that leave no file when they fail.
final class S3TransferTests: XCTestCase {
    /// A scripted S3 answering multipart and ranged requests; it records every request.
    final class FakeS3: HTTPTransport, ParallelTransport {
        var requests: [HTTPRequest] = []
        var object: [UInt8] = []
        /// Answers to use instead of the normal one, by part number, consumed in order.
        var partFailures: [Int: [HTTPResponse]] = [:]
        /// Called after each wait for parallel requests to finish.
        var afterWait: () -> Void = {}
        /// The body of the CompleteMultipartUpload answer.
        var completeAnswer = "<CompleteMultipartUploadResult><ETag>\"done-3\"</ETag></CompleteMultipartUploadResult>"
        /// "start N" and "done N" for each part request, in the order they happened.
        var events: [String] = []
        private(set) var largestInFlight = 0
        /// Requests stopped by `cancelAll` while in flight.
        private(set) var cancelled = 0
        private var unfinished: [(tag: Int, request: HTTPRequest, result: Result<HTTPResponse, AWSError>)] = []

        func send(_ request: HTTPRequest, options: TransferOptions) throws -> HTTPResponse {
            requests.append(request)
            let url = request.url
            switch request.method {
            case "POST" where url.contains("?uploads"):
                return HTTPResponse(
                    status: 200,
                    body: Array(
                        "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>"
                            .utf8))
            case "POST":
                return HTTPResponse(status: 200, body: Array(completeAnswer.utf8))
            case "DELETE": return HTTPResponse(status: 204)
            case "HEAD":
                return HTTPResponse(status: 200, headers: [("content-length", "\(object.count)"), ("etag", "\"e\"")])
            default: return HTTPResponse(status: 500)
            }
        }

        func start(_ request: HTTPRequest, options: TransferOptions, tag: Int) {
            requests.append(request)
            events.append("start \(Self.partNumber(request))")
            unfinished.append((tag, request, Self.streamed(answer(request), into: options.responseBodyRegion)))
            largestInFlight = max(largestInFlight, unfinished.count)
        }

        /// Finishes the oldest request in flight, so each wait frees exactly one place.
        func waitForFinished(timeout: Double) -> [(tag: Int, result: Result<HTTPResponse, AWSError>)] {
            defer { afterWait() }
            guard !unfinished.isEmpty else { return [] }
            let done = unfinished.removeFirst()
            events.append("done \(Self.partNumber(done.request))")
            return [(done.tag, done.result)]
        }

        func cancelAll() {
            cancelled += unfinished.count
            unfinished.removeAll()
        }

        func cancel(tag: Int) {
            cancelled += unfinished.filter { $0.tag == tag }.count
            unfinished.removeAll { $0.tag == tag }
        }

        /// `response` as a streaming transport gives it: a 2xx body written into `region`.
        static func streamed(_ response: HTTPResponse, into region: DownloadRegion?) -> Result<HTTPResponse, AWSError> {
            guard let region, (200..<300).contains(response.status) else { return .success(response) }
            do {
                try region.begin(declaredLength: Int64(response.body.count))
                try response.body.withUnsafeBytes { try region.receive($0) }
                return .success(HTTPResponse(status: response.status, headers: response.headers))
            } catch {
                return .failure(error as? AWSError ?? AWSError(code: "ResponseFileError", message: "\(error)"))
            }
        }

        static func partNumber(_ request: HTTPRequest) -> Int {
            Int(request.url.components(separatedBy: "partNumber=").last?.prefix { $0.isNumber } ?? "") ?? 0
        }

        private func answer(_ request: HTTPRequest) -> HTTPResponse {
            let number = Self.partNumber(request)
            if var queued = partFailures[number], !queued.isEmpty {
                let answer = queued.removeFirst()
                partFailures[number] = queued
                return answer
            }
            if request.method == "GET", let range = request.header("Range") {
                let bounds = range.dropFirst("bytes=".count).split(separator: "-").compactMap { Int($0) }
                guard bounds.count == 2 else { return HTTPResponse(status: 416) }
                return HTTPResponse(status: 206, body: Array(object[bounds[0]...bounds[1]]))
            }
            return HTTPResponse(status: 200, headers: [("etag", "\"etag-\(number)\"")])
        }

        func requests(_ method: String, containing text: String = "") -> [HTTPRequest] {
            requests.filter { $0.method == method && $0.url.contains(text) }
        }
    }

    static let accessDenied = HTTPResponse(
        status: 403, body: Array("<Error><Code>AccessDenied</Code><Message>no</Message></Error>".utf8))

    private func transfer(_ fake: FakeS3, concurrency: Int = 2) throws -> S3Transfer {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:9",
            retry: RetrySettings(maxAttempts: 3),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration,
            transport: fake)
        client.retryPolicy.sleep = { _ in }
        var options = S3TransferOptions()
        options.threshold = 1000
        options.partSize = 1024
        options.minimumPartSize = 1
        options.concurrency = concurrency
        return try S3Transfer(client: client, options: options, transport: fake)
    }

    private func file(_ folder: TemporaryDirectory, size: Int) throws -> String {
        try folder.write("data.bin", (0..<size).map { UInt8(truncatingIfNeeded: $0 * 7) })
    }

    func testALargeFileIsSentInPartsAndCompletedWithTheirETagsInOrder() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        let result = try transfer(fake).uploadFile(try file(folder, size: 3000), bucket: "b", key: "k")
        XCTAssertEqual(result.parts, 3)
        XCTAssertEqual(result.size, 3000)
        XCTAssertEqual(result.eTag, "\"done-3\"")
        let parts = fake.requests("PUT", containing: "partNumber=")
        XCTAssertEqual(parts.count, 3)
        guard let complete = fake.requests("POST", containing: "uploadId=up-1").first,
            case .bytes(let body) = complete.body
        else { return XCTFail("no CompleteMultipartUpload") }
        let text = String(decoding: body, as: UTF8.self)
        let positions = (1...3).compactMap { text.range(of: "etag-\($0)")?.lowerBound }
        XCTAssertEqual(positions.count, 3)
        XCTAssertEqual(positions, positions.sorted(), "ETags are listed in part order")
    }

    func testAPartThatFailsOnceIsSentAgainAlone() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        fake.partFailures[2] = [HTTPResponse(status: 503, body: Array("<Error><Code>SlowDown</Code></Error>".utf8))]
        let result = try transfer(fake).uploadFile(try file(folder, size: 3000), bucket: "b", key: "k")
        XCTAssertEqual(result.parts, 3)
        XCTAssertEqual(fake.requests("PUT", containing: "partNumber=2").count, 2)
        XCTAssertEqual(fake.requests("PUT", containing: "partNumber=1").count, 1)
        XCTAssertEqual(fake.requests("DELETE").count, 0)
    }

    func testAPartThatFailsForGoodAbortsTheUploadAndRaisesItsError() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        fake.partFailures[2] = [Self.accessDenied]
        XCTAssertThrowsError(try transfer(fake).uploadFile(try file(folder, size: 3000), bucket: "b", key: "k")) {
            let error = $0 as? AWSError
            XCTAssertEqual(error?.code, "AccessDenied")
            XCTAssertEqual(error?.operation, "UploadPart")
        }
        XCTAssertEqual(fake.requests("DELETE", containing: "uploadId=up-1").count, 1, "the upload is aborted")
        XCTAssertEqual(fake.requests("POST", containing: "uploadId=").count, 0, "and never completed")
    }

    func testAnInterruptStopsTheUploadAndStillAbortsIt() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        let transfer = try transfer(fake, concurrency: 1)
        var interrupted = false
        transfer.client.isCancelled = { interrupted }
        fake.afterWait = { interrupted = true }
        XCTAssertThrowsError(try transfer.uploadFile(try file(folder, size: 5000), bucket: "b", key: "k")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "Cancelled")
        }
        XCTAssertLessThan(
            fake.requests("PUT", containing: "partNumber=").count, 5, "no part is sent after the interrupt")
        XCTAssertEqual(fake.requests("DELETE", containing: "uploadId=up-1").count, 1)
    }

    func testTheNextPartStartsAsSoonAsOneFinishesWithNoMoreThanConcurrencyInFlight() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        _ = try transfer(fake, concurrency: 2).uploadFile(try file(folder, size: 5000), bucket: "b", key: "k")
        XCTAssertEqual(fake.largestInFlight, 2)
        XCTAssertEqual(
            fake.events,
            ["start 1", "start 2", "done 1", "start 3", "done 2", "start 4", "done 3", "start 5", "done 4", "done 5"])
    }

    func testAFailedPartWaitsOutItsBackoffWhileTheOthersGoOn() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        fake.partFailures[1] = [HTTPResponse(status: 503, body: Array("<Error><Code>SlowDown</Code></Error>".utf8))]
        let transfer = try transfer(fake, concurrency: 2)
        transfer.client.retryPolicy.random = { 0.9 }
        var slept: [Double] = []
        transfer.client.retryPolicy.sleep = { slept.append($0) }
        let result = try transfer.uploadFile(try file(folder, size: 5000), bucket: "b", key: "k")
        XCTAssertEqual(result.parts, 5)
        let retried = try XCTUnwrap(fake.events.lastIndex(of: "start 1"))
        XCTAssertGreaterThan(
            retried, try XCTUnwrap(fake.events.firstIndex(of: "start 5")), "the others were not held up")
        XCTAssertEqual(slept.reduce(0, +), 0.9, accuracy: 0.1, "its backoff is still waited out before it goes again")
        XCTAssertEqual(fake.requests("DELETE").count, 0)
    }

    func testAnInterruptStopsThePartsInFlight() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        let transfer = try transfer(fake, concurrency: 3)
        var interrupted = false
        transfer.client.isCancelled = { interrupted }
        fake.afterWait = { interrupted = true }
        XCTAssertThrowsError(try transfer.uploadFile(try file(folder, size: 5000), bucket: "b", key: "k")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "Cancelled")
        }
        XCTAssertEqual(fake.cancelled, 2, "the two parts still in flight are stopped")
        XCTAssertEqual(fake.requests("PUT", containing: "partNumber=").count, 3)
        XCTAssertEqual(fake.requests("DELETE", containing: "uploadId=up-1").count, 1)
    }

    func testAMissingOrUnreadableFileIsNamedBeforeAnythingIsSent() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        XCTAssertThrowsError(try transfer(fake).uploadFile(folder.path + "/nope.csv", bucket: "b", key: "k")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "FileNotFound")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("nope.csv") ?? false)
        }
        XCTAssertThrowsError(try transfer(fake).uploadFile(folder.path, bucket: "b", key: "k")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "IsADirectory")
        }
        XCTAssertTrue(fake.requests.isEmpty)
    }

    func testARangedDownloadIsAssembledInPlace() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        fake.object = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 13 + 1) }
        let target = folder.path + "/out.bin"
        let result = try transfer(fake).downloadFile(bucket: "b", key: "k", to: target)
        XCTAssertEqual(result.parts, 3)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: target))), fake.object)
        XCTAssertEqual(try folder.contents(), ["out.bin"])
    }

    func testAFailedDownloadLeavesNoFileBehind() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        fake.object = Array(repeating: 7, count: 3000)
        fake.partFailures[0] = [Self.accessDenied, Self.accessDenied, Self.accessDenied]
        let target = folder.path + "/out.bin"
        XCTAssertThrowsError(try transfer(fake).downloadFile(bucket: "b", key: "k", to: target)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "AccessDenied")
        }
        XCTAssertEqual(try folder.contents(), [], "neither the target nor a temporary file is left")
    }

    func testADownloadIntoAMissingFolderFailsBeforeAnythingIsSent() throws {
        let folder = try TemporaryDirectory()
        let fake = FakeS3()
        XCTAssertThrowsError(try transfer(fake).downloadFile(bucket: "b", key: "k", to: folder.path + "/no/out.bin")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "DirectoryNotFound")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("/no") ?? false)
        }
        XCTAssertTrue(fake.requests.isEmpty)
    }
}
