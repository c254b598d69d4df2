import Foundation
import Host
import XCTest

/// A loopback S3 and Glue in one server: quick Glue calls are counted, and S3's transfer
/// requests hold their answer until the quick calls have all arrived (or give up after 10 s),
/// so the order proves whether the transfer blocked the script.
final class TransferBesideCalls: @unchecked Sendable {
    private let lock = NSLock()
    private var quickCalls = 0
    /// Whether each held S3 request saw every quick call arrive while it waited.
    private(set) var heldAnswers: [Bool] = []
    var server: TestHTTPServer!

    init(quickCallsExpected: Int, holds: @escaping @Sendable (TestHTTPServer.Received) -> Bool) throws {
        server = try TestHTTPServer { [unowned self] request in
            if request.method == "POST" && request.target == "/" {
                self.count()
                return TestHTTPServer.Reply(
                    headers: [("Content-Type", "application/x-amz-json-1.1")], body: #"{"Database":{"Name":"db"}}"#)
            }
            if holds(request) { self.hold(until: quickCallsExpected) }
            return Self.s3Answer(request)
        }
    }

    private func count() {
        lock.lock()
        quickCalls += 1
        lock.unlock()
    }

    private func hold(until expected: Int) {
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            lock.lock()
            let seen = quickCalls
            lock.unlock()
            if seen >= expected { break }
            usleep(5_000)
        }
        lock.lock()
        heldAnswers.append(quickCalls >= expected)
        lock.unlock()
    }

    static let object = "hello, side by side"

    private static func s3Answer(_ request: TestHTTPServer.Received) -> TestHTTPServer.Reply {
        switch request.method {
        case "HEAD":
            return TestHTTPServer.Reply(headers: [("Content-Length", "\(object.utf8.count)"), ("ETag", "\"e1\"")])
        case "GET":
            return TestHTTPServer.Reply(headers: [("ETag", "\"e1\"")], body: object)
        case "POST" where request.target.contains("?uploads"):
            return TestHTTPServer.Reply(
                body: "<InitiateMultipartUploadResult><UploadId>up-1</UploadId></InitiateMultipartUploadResult>")
        case "POST":
            return TestHTTPServer.Reply(
                body: "<CompleteMultipartUploadResult><ETag>\"all\"</ETag></CompleteMultipartUploadResult>")
        default:
            return TestHTTPServer.Reply(headers: [("ETag", "\"part\"")])
        }
    }

    func state() -> LuaState {
        makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "1",
        ])
    }
}

/// `s3:upload_file` and `s3:download_file` inside `aws.parallel`: each request of the transfer
/// yields, so the other functions' calls go on meanwhile.
final class ParallelTransferTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "gluescript-parallel-transfer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs `transfer` beside five quick Glue calls made one after another; returns the order
    /// in which the script saw them end. The server holds the transfer until the fifth call
    /// arrives, so at least four end before it (the fifth's answer races the transfer's).
    private func order(_ state: LuaState, transfer: String) throws -> String {
        try evaluate(
            state,
            """
            local s3, glue = aws.client("s3"), aws.client("glue")
            local order = {}
            aws.parallel(
              function() \(transfer); order[#order + 1] = "transfer" end,
              function()
                for i = 1, 5 do
                  glue:get_database{Name = "db" .. i}
                  order[#order + 1] = "quick"
                end
              end)
            return table.concat(order, ",")
            """
        ).stringValue ?? ""
    }

    func testQuickCallsFinishWhileADownloadIsInFlight() throws {
        let fake = try TransferBesideCalls(quickCallsExpected: 5) { $0.method == "GET" }
        let target = folder + "/out.txt"
        let order = try order(fake.state(), transfer: #"s3:download_file("b", "k", "\#(target)", {progress = false})"#)
        XCTAssertTrue(order.hasPrefix("quick,quick,quick,quick,"), order)
        XCTAssertEqual(order.split(separator: ",").sorted(), ["quick", "quick", "quick", "quick", "quick", "transfer"])
        XCTAssertEqual(fake.heldAnswers, [true], "the quick calls reached the server while the GET was held")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), TransferBesideCalls.object)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["out.txt"], "no temporary file")
    }

    func testQuickCallsFinishWhileTheUploadPartsAreInFlight() throws {
        let fake = try TransferBesideCalls(quickCallsExpected: 5) { $0.target.contains("partNumber=") }
        let path = folder + "/big.bin"
        FileManager.default.createFile(atPath: path, contents: Data(count: 11 * 1024 * 1024))
        let order = try order(
            fake.state(),
            transfer:
                #"assert(s3:upload_file("\#(path)", "b", "k", {progress = false, part_size = 5 * 1024 * 1024}).parts == 3)"#
        )
        XCTAssertTrue(order.hasPrefix("quick,quick,quick,quick,"), order)
        XCTAssertEqual(fake.heldAnswers, [true, true, true], "every part was held while the quick calls went on")
        let methods = fake.server.requests.filter { $0.target != "/" }.map(\.method)
        XCTAssertEqual(methods, ["POST", "PUT", "PUT", "PUT", "POST"], "create, three parts, complete")
    }

    func testATransferThatFailsInsideParallelLeavesNoFileAndAbortsItsUpload() throws {
        let server = try TestHTTPServer { request in
            switch request.method {
            case "HEAD": return TestHTTPServer.Reply(status: 404)
            case "POST" where request.target.contains("?uploads"):
                return TestHTTPServer.Reply(
                    body: "<InitiateMultipartUploadResult><UploadId>up-1</UploadId></InitiateMultipartUploadResult>")
            case "PUT":
                return TestHTTPServer.Reply(
                    status: 403, body: "<Error><Code>AccessDenied</Code><Message>no</Message></Error>")
            default: return TestHTTPServer.Reply(status: 204)
            }
        }
        let path = folder + "/big.bin"
        FileManager.default.createFile(atPath: path, contents: Data(count: 6 * 1024 * 1024))
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "1",
        ])
        let result = try state.run(
            """
            local s3 = aws.client("s3")
            local ok, err = pcall(aws.parallel,
              function() s3:download_file("b", "gone", "\(folder)/out.bin", {progress = false}) end,
              function() s3:upload_file("\(path)", "b", "k", {progress = false, threshold = 5 * 1024 * 1024,
                part_size = 5 * 1024 * 1024}) end)
            return ok, err.errors[1].error.code, err.errors[2].error.code
            """, name: "=test")
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("NoSuchKey"))
        XCTAssertEqual(result[2], .string("AccessDenied"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["big.bin"])
        XCTAssertTrue(
            server.requests.contains { $0.method == "DELETE" && $0.target.contains("uploadId=up-1") },
            "the multipart upload was aborted")
    }

    func testFailFastAbortsTheOtherCallsInFlight() throws {
        let server = try TestHTTPServer { request in
            if String(decoding: request.body, as: UTF8.self).contains("bad") {
                return TestHTTPServer.Reply(
                    status: 400, headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: #"{"__type":"EntityNotFoundException","Message":"no"}"#, delay: 0.5)
            }
            return TestHTTPServer.Reply(
                headers: [("Content-Type", "application/x-amz-json-1.1"), ("Content-Length", "100")],
                body: #"{"Database":"#, action: .stall(sentBodyBytes: 5, seconds: 30))
        }
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "1",
        ])
        let result = try state.run(
            """
            local glue = aws.client("glue")
            local function get(name) return function() return glue:get_database{Name = name} end end
            local ok, err = pcall(aws.parallel, {get("slow1"), get("bad"), get("slow2"), get("slow3")},
              {fail_fast = true})
            return ok, err.index
            """, name: "=test")
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .integer(2))
        let end = Date().addingTimeInterval(5)
        while server.hangUps < 3, Date() < end { usleep(10_000) }
        XCTAssertEqual(server.hangUps, 3, "the three slow calls were aborted, not left running")
    }

    func testFailFastStopsAMultipartCopyAndAbortsItsUpload() throws {
        let server = try TestHTTPServer { request in
            switch request.method {
            case "POST" where request.target == "/":
                return TestHTTPServer.Reply(
                    status: 400, headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: #"{"__type":"EntityNotFoundException","Message":"no"}"#, delay: 0.5)
            case "HEAD": return TestHTTPServer.Reply(headers: [("Content-Length", "10"), ("ETag", "\"e1\"")])
            case "POST":
                return TestHTTPServer.Reply(
                    body: "<InitiateMultipartUploadResult><UploadId>up-1</UploadId></InitiateMultipartUploadResult>")
            case "PUT":
                return TestHTTPServer.Reply(
                    headers: [("Content-Length", "100")], body: "<CopyPartResult>",
                    action: .stall(sentBodyBytes: 5, seconds: 30))
            default: return TestHTTPServer.Reply(status: 204)
            }
        }
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "1",
        ])
        let result = try state.run(
            """
            local s3, glue = aws.client("s3"), aws.client("glue")
            local ok, err = pcall(aws.parallel, {
              function() s3:copy("src/k", "b", "k", {multipart_threshold = 1, part_size = 5}) end,
              function() glue:get_database{Name = "bad"} end}, {fail_fast = true})
            return ok, err.index
            """, name: "=test")
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .integer(2))
        XCTAssertTrue(
            server.requests.contains { $0.method == "DELETE" && $0.target.contains("uploadId=up-1") },
            "the copy's multipart upload was aborted")
        let end = Date().addingTimeInterval(5)
        while server.hangUps < 2, Date() < end { usleep(10_000) }
        XCTAssertEqual(server.hangUps, 2, "both UploadPartCopy requests were aborted")
    }
}
