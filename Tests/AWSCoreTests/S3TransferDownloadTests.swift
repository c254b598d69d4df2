import Foundation
import XCTest

@testable import AWSCore

#if canImport(Glibc)
    import Glibc
#endif

/// Downloads through `download_file` and `get_object` with a file target, against a loopback
/// server that may misbehave: targets that are not regular files, bodies longer than asked
/// for, and failures that must leave an existing file as it was.
final class S3TransferDownloadTests: XCTestCase {
    static let object: [UInt8] = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }

    /// A server holding `object` at any key: HEAD gives its size (or `headSize`), GET gives the
    /// range asked for unless `answer` says otherwise for that request.
    private func server(
        _ object: [UInt8] = object, headSize: Int? = nil,
        answer: @escaping (TestHTTPServer.Received, Int) -> TestHTTPServer.Reply? = { _, _ in nil }
    ) throws -> TestHTTPServer {
        let lock = NSLock()
        var gets = 0
        return try TestHTTPServer { request in
            if request.method == "HEAD" {
                return .init(headers: [("Content-Length", "\(headSize ?? object.count)"), ("ETag", "\"e\"")])
            }
            lock.lock()
            gets += 1
            let number = gets
            lock.unlock()
            if let reply = answer(request, number) { return reply }
            var reply = TestHTTPServer.Reply(status: 200)
            if let range = request.header("range") {
                let bounds = range.dropFirst("bytes=".count).split(separator: "-").compactMap { Int($0) }
                reply.status = 206
                reply.body = Array(object[bounds[0]...min(bounds[1], object.count - 1)])
            } else {
                reply.body = object
            }
            return reply
        }
    }

    private func client(_ server: TestHTTPServer) throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 3),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        client.retryPolicy.sleep = { _ in }
        return client
    }

    /// A transfer in 1000-byte parts above a 1000-byte threshold.
    private func transfer(
        _ server: TestHTTPServer, partSize: Int64 = 1000, threshold: Int64 = 1000, concurrency: Int = 3
    ) throws -> S3Transfer {
        var options = S3TransferOptions()
        options.threshold = threshold
        options.partSize = partSize
        options.minimumPartSize = 1
        options.concurrency = concurrency
        return try S3Transfer(client: try client(server), options: options)
    }

    private func getObject(_ server: TestHTTPServer, to path: String) throws {
        _ = try client(server).call(
            "GetObject", ["Bucket": "b", "Key": "k"], options: CallOptions(responseBodyPath: path))
    }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    private func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Bytes read by another thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        let done = DispatchSemaphore(value: 0)

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

    /// Reads the FIFO at `path` to its end on another thread; the function returned waits for
    /// the end and gives what was read.
    private func readFIFO(_ path: String) -> () -> [UInt8] {
        let collected = Collected()
        Thread.detachNewThread {
            let descriptor = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                collected.append(buffer.prefix(count))
            }
            close(descriptor)
            collected.done.signal()
        }
        return {
            _ = collected.done.wait(timeout: .now() + 10)
            return collected.all
        }
    }

    // MARK: - Targets that are not regular files

    func testADownloadIntoAFIFOIsWrittenInPlaceInOrder() throws {
        let folder = try TemporaryDirectory()
        let server = try server()
        for (name, ranged) in [("download_file", true), ("small download_file", false), ("get_object", false)] {
            let fifo = folder.path + "/pipe-\(name.count)"
            XCTAssertEqual(mkfifo(fifo, 0o600), 0)
            let wait = readFIFO(fifo)
            if name == "get_object" {
                try getObject(server, to: fifo)
            } else {
                let result = try transfer(server, threshold: ranged ? 1000 : 10_000).downloadFile(
                    bucket: "b", key: "k", to: fifo)
                XCTAssertEqual(result.parts, ranged ? 3 : 0, name)
            }
            let read = wait()
            XCTAssertTrue(read == Self.object, "\(name): every byte once, in order (\(read.count) bytes read)")
            XCTAssertEqual(kind(fifo), S_IFIFO, "\(name): the FIFO is still a FIFO")
        }
        XCTAssertEqual(try folder.contents(), ["pipe-10", "pipe-19", "pipe-13"].sorted(), "no temporary file")
    }

    func testAPipeThatLosesAPartHalfWayGetsEachByteOnce() throws {
        let folder = try TemporaryDirectory()
        let server = try server { request, number in
            guard number == 2 else { return nil }
            var reply = TestHTTPServer.Reply(status: 206, action: .truncate(sentBodyBytes: 300))
            reply.body = Array(Self.object[1000..<2000])
            return reply
        }
        let fifo = folder.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let wait = readFIFO(fifo)
        _ = try transfer(server).downloadFile(bucket: "b", key: "k", to: fifo)
        let read = wait()
        XCTAssertTrue(
            read == Self.object,
            "the 300 bytes that arrived before the break are not written twice (\(read.count) read)")
        let ranges = server.requests.filter { $0.method == "GET" }.compactMap { $0.header("range") }
        XCTAssertEqual(ranges, ["bytes=0-999", "bytes=1000-1999", "bytes=1000-1999", "bytes=2000-2999"])
    }

    /// A character device: a null device of the test's own (the kernel's null device, made with
    /// mknod as root), so a regression cannot replace the system's /dev/null; without root,
    /// /dev/null itself, which cannot be replaced then.
    func testAGetObjectIntoAPipeThatBreaksHalfWayIsNotSentAgain() throws {
        let folder = try TemporaryDirectory()
        let server = try server { _, _ in
            var reply = TestHTTPServer.Reply(status: 200, action: .truncate(sentBodyBytes: 1000))
            reply.body = Self.object
            return reply
        }
        let fifo = folder.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let wait = readFIFO(fifo)
        // A second reader, so that a second attempt would find the FIFO open rather than wait.
        let keeper = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(keeper) }
        XCTAssertThrowsError(try getObject(server, to: fifo)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "IncompleteDownload", "\($0)")
            XCTAssertTrue(($0 as? AWSError)?.message.contains(fifo) ?? false, "\($0)")
        }
        XCTAssertEqual(wait().count, 1000, "what arrived was written once")
        XCTAssertEqual(server.requests.filter { $0.method == "GET" }.count, 1, "and not asked for again")
    }

    func testADownloadToANullDeviceLeavesTheDevice() throws {
        let folder = try TemporaryDirectory()
        var device = folder.path + "/null"
        var null = stat()
        XCTAssertEqual(stat("/dev/null", &null), 0)
        if mknod(device, S_IFCHR | 0o666, null.st_rdev) != 0 { device = "/dev/null" }
        let server = try server()
        _ = try transfer(server).downloadFile(bucket: "b", key: "k", to: device)
        _ = try transfer(server, threshold: 10_000).downloadFile(bucket: "b", key: "k", to: device)
        try getObject(server, to: device)
        XCTAssertEqual(kind(device), S_IFCHR, "\(device) is still a character device")
        XCTAssertTrue(FileManager.default.isWritableFile(atPath: device))
        XCTAssertEqual(try folder.contents(), device == "/dev/null" ? [] : ["null"], "no temporary file")
    }

    func testASymlinkIsFollowedToTheFileItNamesAndStays() throws {
        let folder = try TemporaryDirectory()
        let realFolder = try TemporaryDirectory()
        let server = try server()
        for (name, ranged) in [("download_file", true), ("small download_file", false), ("get_object", false)] {
            let real = realFolder.path + "/real-\(name.count).bin"
            let link = folder.path + "/link-\(name.count)"
            _ = try realFolder.write("real-\(name.count).bin", Array("old".utf8))
            XCTAssertEqual(symlink(real, link), 0)
            if name == "get_object" {
                try getObject(server, to: link)
            } else {
                _ = try transfer(server, threshold: ranged ? 1000 : 10_000).downloadFile(
                    bucket: "b", key: "k", to: link)
            }
            XCTAssertEqual(kind(link), S_IFLNK, "\(name): the link stays a link")
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real)
            XCTAssertTrue(try contents(real) == Self.object, "\(name): the file it names holds the object")
        }
        XCTAssertEqual(try folder.contents(), ["link-10", "link-13", "link-19"])
        XCTAssertEqual(try realFolder.contents(), ["real-10.bin", "real-13.bin", "real-19.bin"], "no temporary file")
    }

    func testALinkToAFileNotYetThereCreatesIt() throws {
        let folder = try TemporaryDirectory()
        let server = try server()
        XCTAssertEqual(symlink("new.bin", folder.path + "/link"), 0)
        _ = try transfer(server).downloadFile(bucket: "b", key: "k", to: folder.path + "/link")
        XCTAssertEqual(kind(folder.path + "/link"), S_IFLNK)
        XCTAssertTrue(try contents(folder.path + "/new.bin") == Self.object)
    }

    func testADirectoryIsAClearErrorBeforeAnythingIsSent() throws {
        let folder = try TemporaryDirectory()
        XCTAssertEqual(symlink(folder.path, folder.path + "/to-folder"), 0)
        let server = try server()
        for target in [folder.path, folder.path + "/to-folder"] {
            XCTAssertThrowsError(try transfer(server).downloadFile(bucket: "b", key: "k", to: target)) {
                XCTAssertEqual(($0 as? AWSError)?.code, "IsADirectory")
                XCTAssertTrue(($0 as? AWSError)?.message.contains(target) ?? false, "\($0)")
            }
            XCTAssertThrowsError(try getObject(server, to: target)) {
                XCTAssertEqual(($0 as? AWSError)?.code, "IsADirectory")
                XCTAssertTrue(($0 as? AWSError)?.message.contains(target) ?? false, "\($0)")
            }
        }
        XCTAssertTrue(server.requests.isEmpty, "nothing was sent")
        XCTAssertEqual(try folder.contents(), ["to-folder"])
    }

    // MARK: - Pieces gathered before they are written

    func testPartsLongerThanTheGatheringAreWrittenWholeAndInOrder() throws {
        let object: [UInt8] = (0..<3_300_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) }
        let server = try server(object)
        let folder = try TemporaryDirectory()
        for (name, ranged) in [("download_file", true), ("small download_file", false), ("get_object", false)] {
            for special in [false, true] {
                let target = folder.path + "/\(name.count)-\(special ? "pipe" : "file")"
                var wait: (() -> [UInt8])?
                if special {
                    XCTAssertEqual(mkfifo(target, 0o600), 0)
                    wait = readFIFO(target)
                }
                if name == "get_object" {
                    try getObject(server, to: target)
                } else {
                    let result = try transfer(
                        server, partSize: 1_234_567, threshold: ranged ? 1_000_000 : 10_000_000
                    ).downloadFile(bucket: "b", key: "k", to: target)
                    XCTAssertEqual(result.parts, ranged ? 3 : 0, name)
                }
                let read = try wait?() ?? contents(target)
                XCTAssertTrue(
                    read == object, "\(name) to a \(special ? "FIFO" : "file"): \(read.count) bytes, in order")
            }
        }
    }

    func testAWriteThatFailsWhenTheGatheredBytesAreWrittenFailsTheDownload() throws {
        let server = try server()
        for (name, ranged) in [("download_file", true), ("small download_file", false), ("get_object", false)] {
            let download = {
                if name == "get_object" {
                    try self.getObject(server, to: "/dev/full")
                } else {
                    _ = try self.transfer(server, threshold: ranged ? 1000 : 10_000).downloadFile(
                        bucket: "b", key: "k", to: "/dev/full")
                }
            }
            XCTAssertThrowsError(try download(), name) {
                let error = $0 as? AWSError
                XCTAssertEqual(error?.code, name == "get_object" ? "ResponseFileError" : "FileNotWritable", "\($0)")
                XCTAssertTrue(error?.message.contains("/dev/full") ?? false, "\($0)")
            }
        }
    }

    // MARK: - Bodies longer than asked for

    func testAServerThatIgnoresRangeIsStoppedAtOnce() throws {
        let folder = try TemporaryDirectory()
        let server = try server { _, _ in
            var reply = TestHTTPServer.Reply(status: 200)
            reply.body = Self.object
            return reply
        }
        let target = folder.path + "/out.bin"
        XCTAssertThrowsError(try transfer(server).downloadFile(bucket: "b", key: "k", to: target)) {
            let error = $0 as? AWSError
            XCTAssertEqual(error?.code, "BodyTooLong", "\($0)")
            XCTAssertTrue(error?.message.contains("s3://b/k") ?? false, "\($0)")
            XCTAssertTrue(error?.message.contains("3000") ?? false, "the length it gave is named: \($0)")
        }
        XCTAssertEqual(try folder.contents(), [], "no file is left")
    }

    func testABodyThatNeverEndsIsCutAtThePartLength() throws {
        let folder = try TemporaryDirectory()
        let partSize = 1024 * 1024
        let limit = 64 * 1024 * 1024
        let server = try server(headSize: 2 * partSize) { _, _ in
            var reply = TestHTTPServer.Reply(status: 206, action: .endless(limit: limit))
            reply.body = Array(repeating: 0x61, count: 65536)
            return reply
        }
        XCTAssertThrowsError(
            try transfer(server, partSize: Int64(partSize), threshold: Int64(partSize), concurrency: 1)
                .downloadFile(bucket: "b", key: "k", to: folder.path + "/out.bin")
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "BodyTooLong", "\($0)")
        }
        let deadline = Date().addingTimeInterval(5)
        var sent = server.bodyBytesSent
        while Date() < deadline {
            usleep(100_000)
            guard server.bodyBytesSent != sent else { break }
            sent = server.bodyBytesSent
        }
        XCTAssertLessThan(sent, 24 * 1024 * 1024, "the body was cut soon after its first MiB, not read on")
        XCTAssertEqual(server.requests.filter { $0.method == "GET" }.count, 1, "and not asked for again")
        XCTAssertEqual(try folder.contents(), [])
    }

    func testAnErrorAnswerThatNeverEndsIsCutToo() throws {
        let folder = try TemporaryDirectory()
        let server = try server { _, _ in
            var reply = TestHTTPServer.Reply(status: 500, action: .endless(limit: 64 * 1024 * 1024))
            reply.body = Array(repeating: 0x3C, count: 65536)
            return reply
        }
        XCTAssertThrowsError(
            try transfer(server, concurrency: 1).downloadFile(bucket: "b", key: "k", to: folder.path + "/out.bin")
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "BodyTooLong", "\($0)")
        }
        XCTAssertLessThan(server.bodyBytesSent, 24 * 1024 * 1024, "the error body was cut after its first MiB")
        XCTAssertEqual(try folder.contents(), [])
    }

    func testASmallDownloadLongerThanItsHeadIsStopped() throws {
        let folder = try TemporaryDirectory()
        let server = try server(headSize: 2000)
        XCTAssertThrowsError(
            try transfer(server, threshold: 10_000).downloadFile(bucket: "b", key: "k", to: folder.path + "/out.bin")
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "BodyTooLong", "\($0)")
        }
        XCTAssertEqual(try folder.contents(), [])
    }

    // MARK: - Failures leave an existing target as it was

    func testAFailedDownloadLeavesAnExistingTargetAsItWas() throws {
        let folder = try TemporaryDirectory()
        let precious = Array("the user's own data".utf8)
        let shortBody = try server(headSize: 3000) { request, _ in
            var reply = TestHTTPServer.Reply(status: request.header("range") == nil ? 200 : 206)
            reply.body = Array(Self.object.prefix(500))
            return reply
        }
        let cases: [(String, () throws -> Void)] = [
            (
                "small download, shorter than its HEAD",
                {
                    _ = try self.transfer(shortBody, threshold: 10_000).downloadFile(
                        bucket: "b", key: "k", to: folder.path + "/target.bin")
                }
            ),
            (
                "ranged download, parts shorter than asked",
                {
                    _ = try self.transfer(shortBody).downloadFile(
                        bucket: "b", key: "k", to: folder.path + "/target.bin")
                }
            ),
            (
                "ranged download, whole object for each range",
                {
                    let ignoresRange = try self.server { _, _ in
                        var reply = TestHTTPServer.Reply(status: 200)
                        reply.body = Self.object
                        return reply
                    }
                    _ = try self.transfer(ignoresRange).downloadFile(
                        bucket: "b", key: "k", to: folder.path + "/target.bin")
                }
            ),
        ]
        for (name, download) in cases {
            let target = try folder.write("target.bin", precious)
            XCTAssertThrowsError(try download(), name) {
                XCTAssertTrue(["IncompleteDownload", "BodyTooLong"].contains(($0 as? AWSError)?.code ?? ""), "\($0)")
            }
            XCTAssertEqual(try contents(target), precious, "\(name): the target is as it was")
            XCTAssertEqual(try folder.contents(), ["target.bin"], "\(name): no temporary file is left")
        }
    }
}
