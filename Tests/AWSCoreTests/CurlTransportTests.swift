import AWSCore
import Foundation
import XCTest

final class CurlTransportTests: XCTestCase {
    private func transport(log: DebugLog? = nil) throws -> CurlTransport {
        try CurlTransport(userAgent: "gluescript/test", debugLog: log)
    }

    func testTwoRequestsShareOneKeptAliveConnection() throws {
        let server = try TestHTTPServer { request in .init(body: "echo \(request.target)") }
        let client = try transport()
        let first = try client.send(HTTPRequest(method: "GET", url: server.baseURL + "/one"))
        let second = try client.send(HTTPRequest(method: "GET", url: server.baseURL + "/two"))
        XCTAssertEqual(String(decoding: first.body, as: UTF8.self), "echo /one")
        XCTAssertEqual(String(decoding: second.body, as: UTF8.self), "echo /two")
        XCTAssertEqual(server.connectionsAccepted, 1)
        XCTAssertEqual(server.requests.map(\.connection), [1, 1])
    }

    func testSendsOnlyTheGivenHeadersWithContentLengthAndUserAgent() throws {
        let server = try TestHTTPServer { _ in .init() }
        let body = Array("Action=ListUsers&Version=2010-05-08".utf8)
        let request = HTTPRequest(
            method: "POST", url: server.baseURL + "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-Amz-Date", "20260101T000000Z"),
                ("X-Amz-Meta-Empty", ""),
            ],
            body: .bytes(body))
        _ = try transport().send(request)
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.body, body)
        XCTAssertEqual(received.header("content-length"), String(body.count))
        XCTAssertEqual(received.header("user-agent"), "gluescript/test")
        XCTAssertEqual(received.header("x-amz-date"), "20260101T000000Z")
        XCTAssertEqual(
            Set(received.headerNames()),
            ["host", "user-agent", "content-type", "x-amz-date", "x-amz-meta-empty", "content-length"])
        XCTAssertEqual(received.header("x-amz-meta-empty"), "")
    }

    func testHeaderValuesGoOutTrimmedAndEndAtANulByte() throws {
        let server = try TestHTTPServer { _ in .init() }
        let request = HTTPRequest(
            method: "GET", url: server.baseURL + "/",
            headers: [
                ("X-Padded", " \t value with  inner spaces \t"), ("X-Blank", "   "), ("X-Cut", "kept\u{0}dropped"),
                ("Content-Length", "99"), ("Accept", "application/json"), ("User-Agent", "own/1.0"),
            ])
        _ = try transport().send(request)
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.header("x-padded"), "value with  inner spaces")
        XCTAssertEqual(received.header("x-blank"), "")
        XCTAssertEqual(received.header("x-cut"), "kept")
        XCTAssertNil(received.header("content-length"), "curl computes the length; a GET has none")
        XCTAssertEqual(received.header("accept"), "application/json")
        XCTAssertEqual(received.header("user-agent"), "own/1.0")
        XCTAssertEqual(
            Set(received.headerNames()), ["host", "x-padded", "x-blank", "x-cut", "accept", "user-agent"])
    }

    func testEmptyPutAndPostSendContentLengthZero() throws {
        let server = try TestHTTPServer { _ in .init() }
        let client = try transport()
        _ = try client.send(HTTPRequest(method: "POST", url: server.baseURL + "/"))
        _ = try client.send(HTTPRequest(method: "PUT", url: server.baseURL + "/k", body: .bytes([])))
        XCTAssertEqual(server.requests.map(\.method), ["POST", "PUT"])
        XCTAssertEqual(server.requests.map { $0.header("content-length") }, ["0", "0"])
        XCTAssertNil(server.requests[0].header("transfer-encoding"))
    }

    func testBodiesOfEveryMethodAndSizeArriveAsGivenWithNoHeaderAdded() throws {
        let server = try TestHTTPServer { _ in .init() }
        let client = try transport()
        // Small bodies go out with the headers, larger ones are streamed: both must look the same.
        let sizes = [1, 64 * 1024 - 1, 64 * 1024, 200_000]
        let methods = ["PUT", "POST", "PATCH", "DELETE"]
        for method in methods {
            for size in sizes {
                let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
                _ = try client.send(HTTPRequest(method: method, url: server.baseURL + "/k", body: .bytes(body)))
            }
        }
        XCTAssertEqual(server.requests.count, methods.count * sizes.count)
        for (index, received) in server.requests.enumerated() {
            let size = sizes[index % sizes.count]
            let label = "\(received.method) of \(size) bytes"
            XCTAssertEqual(received.method, methods[index / sizes.count], label)
            XCTAssertEqual(received.body, (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }, label)
            XCTAssertEqual(received.header("content-length"), String(size), label)
            XCTAssertEqual(Set(received.headerNames()), ["host", "user-agent", "content-length"], label)
        }
    }

    func testDeleteUsesItsMethodWithoutBody() throws {
        let server = try TestHTTPServer { _ in .init(status: 204) }
        let response = try transport().send(HTTPRequest(method: "DELETE", url: server.baseURL + "/b/k"))
        XCTAssertEqual(response.status, 204)
        XCTAssertEqual(server.requests.first?.method, "DELETE")
        XCTAssertEqual(server.requests.first?.target, "/b/k")
    }

    func testFileBodySendsExactlyTheRequestedRegion() throws {
        let directory = try TemporaryDirectory()
        let content = (0..<100_000).map { UInt8($0 % 251) }
        let path = try directory.write("upload.bin", content)
        let server = try TestHTTPServer { _ in .init() }
        _ = try transport().send(
            HTTPRequest(
                method: "PUT", url: server.baseURL + "/part",
                body: .file(path: path, offset: 1000, length: 70_000)))
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.header("content-length"), "70000")
        XCTAssertNil(received.header("expect"), "no 100-continue round trip")
        XCTAssertNil(received.header("accept"))
        XCTAssertEqual(received.body, Array(content[1000..<71_000]))
    }

    /// A part whose start and length fall inside curl's 512 KiB reads of the file (as a part of
    /// a multipart upload does when the part size is not a multiple of it) is sent byte-exact.
    func testFileBodyRegionNotAlignedToTheReadBlocksIsSentExactly() throws {
        let directory = try TemporaryDirectory()
        let content = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 131 / 3) }
        let path = try directory.write("parts.bin", content)
        let server = try TestHTTPServer { _ in .init() }
        let offset = 524_288 + 4_099
        let length = 1_048_576 + 700_003
        _ = try transport().send(
            HTTPRequest(
                method: "PUT", url: server.baseURL + "/part",
                body: .file(path: path, offset: UInt64(offset), length: UInt64(length))))
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.header("content-length"), "\(length)")
        XCTAssertEqual(received.body.count, length)
        XCTAssertTrue(received.body == Array(content[offset..<(offset + length)]), "the region's bytes, in order")
    }

    /// A body file cut short while it is being sent stops the request with an error that names
    /// the file and how much was missing, instead of sending less than its Content-Length.
    func testBodyFileShortenedWhileSentIsFileChanged() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("shrinks.bin", Array(repeating: 9, count: 2 * 1024 * 1024))
        let server = try TestHTTPServer { _ in .init() }
        var options = TransferOptions()
        options.progress = { _ in truncate(path, 1000) }
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(
                    method: "PUT", url: server.baseURL + "/", body: .file(path: path, offset: 0, length: 2_097_152)),
                options: options)
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "FileChanged")
            XCTAssertTrue(error?.message.contains("\(path) ended ") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("before the 2097152 bytes") ?? false, error?.message ?? "")
        }
    }

    func testMissingBodyFileFailsBeforeSending() throws {
        let server = try TestHTTPServer { _ in .init() }
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(
                    method: "PUT", url: server.baseURL + "/",
                    body: .file(path: "/nonexistent/f", offset: 0, length: 3)))
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "BodyFileError")
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testResponseHeadersAreLowerCasedAndInterimBlocksDropped() throws {
        let server = try TestHTTPServer { _ in
            .init(
                status: 201, headers: [("X-Amzn-RequestId", "abc-123"), ("Content-Type", "text/plain")],
                body: "made",
                prelude: "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n")
        }
        let response = try transport().send(
            HTTPRequest(method: "POST", url: server.baseURL + "/", body: .bytes([1])))
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.header("x-amzn-requestid"), "abc-123")
        XCTAssertFalse(response.headers.contains { $0.name.lowercased() == "x-interim" })
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "made")
    }

    func testHeadReadsHeadersOnlyAndKeepsTheConnectionUsable() throws {
        let server = try TestHTTPServer { request in
            .init(headers: [("ETag", "\"e1\"")], body: request.method == "HEAD" ? "0123456789" : "after")
        }
        let client = try transport()
        let head = try client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/b/k"))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("content-length"), "10")
        XCTAssertEqual(head.header("etag"), "\"e1\"")
        XCTAssertEqual(head.body, [])
        let next = try client.send(HTTPRequest(method: "GET", url: server.baseURL + "/b/k"))
        XCTAssertEqual(String(decoding: next.body, as: UTF8.self), "after")
        XCTAssertEqual(server.requests.map(\.method), ["HEAD", "GET"])
        XCTAssertEqual(server.connectionsAccepted, 1)
    }

    func testRedirectsAreReturnedNotFollowed() throws {
        let server = try TestHTTPServer { _ in .init(status: 301, headers: [("Location", "/elsewhere")])
        }
        let response = try transport().send(HTTPRequest(method: "GET", url: server.baseURL + "/b"))
        XCTAssertEqual(response.status, 301)
        XCTAssertEqual(server.requests.map(\.target), ["/b"])
    }

    func testResponseBodyStreamsToFile() throws {
        let directory = try TemporaryDirectory()
        let payload = String(repeating: "weather,12.5\n", count: 20_000)
        let server = try TestHTTPServer { _ in .init(body: payload) }
        let target = directory.path + "/result.csv"
        let response = try transport().send(
            HTTPRequest(method: "GET", url: server.baseURL + "/b/result.csv"),
            options: TransferOptions(responseBodyPath: target))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, [])
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), payload)
        XCTAssertEqual(try directory.contents(), ["result.csv"])
    }

    func testTruncatedDownloadLeavesNoFileBehind() throws {
        let directory = try TemporaryDirectory()
        let server = try TestHTTPServer { _ in
            .init(body: String(repeating: "x", count: 50_000), action: .truncate(sentBodyBytes: 20_000))
        }
        let target = directory.path + "/result.csv"
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(method: "GET", url: server.baseURL + "/k"),
                options: TransferOptions(responseBodyPath: target))
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "TruncatedBody")
            XCTAssertEqual((error as? AWSError)?.retryable, true)
        }
        XCTAssertEqual(try directory.contents(), [])
    }

    func testErrorResponseBodyStaysInMemoryWhenDownloading() throws {
        let directory = try TemporaryDirectory()
        let server = try TestHTTPServer { _ in
            .init(status: 404, body: "<Error><Code>NoSuchKey</Code></Error>")
        }
        let target = directory.path + "/result.csv"
        let response = try transport().send(
            HTTPRequest(method: "GET", url: server.baseURL + "/k"),
            options: TransferOptions(responseBodyPath: target))
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(
            String(decoding: response.body, as: UTF8.self), "<Error><Code>NoSuchKey</Code></Error>")
        XCTAssertEqual(try directory.contents(), [])
    }

    func testStalledServerTriggersReadTimeout() throws {
        let server = try TestHTTPServer { _ in
            .init(body: "0123456789", action: .stall(sentBodyBytes: 3, seconds: 8))
        }
        let started = ContinuousClock.now
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(method: "GET", url: server.baseURL + "/slow"),
                options: TransferOptions(readTimeout: 1))
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "ReadTimeout")
            XCTAssertTrue(
                error?.message.contains(server.baseURL + "/slow") ?? false, error?.message ?? "")
        }
        let elapsed = started.duration(to: .now)
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(900))
        XCTAssertLessThan(elapsed, .milliseconds(2500))
    }

    func testConnectionResetIsAConnectionError() throws {
        let server = try TestHTTPServer { _ in .init(action: .reset) }
        XCTAssertThrowsError(
            try transport().send(HTTPRequest(method: "GET", url: server.baseURL + "/x"))
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "ConnectionError")
            XCTAssertEqual(error?.retryable, true)
            XCTAssertTrue(
                error?.message.contains("GET \(server.baseURL)/x") ?? false, error?.message ?? "")
        }
    }

    func testRefusedConnectionIsAConnectionError() throws {
        let server = try TestHTTPServer { _ in .init() }
        let url = server.baseURL + "/"
        server.stop()
        XCTAssertThrowsError(try transport().send(HTTPRequest(method: "GET", url: url))) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ConnectionError")
        }
    }

    func testProgressReportsEveryByteReceived() throws {
        let payload = String(repeating: "p", count: 300_000)
        let server = try TestHTTPServer { _ in .init(body: payload) }
        var last: TransferProgress?
        _ = try transport().send(
            HTTPRequest(method: "GET", url: server.baseURL + "/"),
            options: TransferOptions(progress: { last = $0 }))
        XCTAssertEqual(last?.bytesReceived, 300_000)
        XCTAssertEqual(last?.totalBytesToReceive, 300_000)
    }

    func testCancellationStopsTheTransfer() throws {
        let server = try TestHTTPServer { _ in .init(body: "slow", delay: 5) }
        let started = ContinuousClock.now
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(method: "GET", url: server.baseURL + "/"),
                options: TransferOptions(isCancelled: { true }))
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "Cancelled")
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(3))
    }

    func testUnreadableCABundleIsReported() throws {
        let server = try TestHTTPServer { _ in .init() }
        XCTAssertThrowsError(
            try transport().send(
                HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"),
                options: TransferOptions(connectTimeout: 2, readTimeout: 2, caBundle: "/nonexistent/ca.pem")
            )
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "TLSError")
            XCTAssertEqual(error?.retryable, false)
            XCTAssertTrue(error?.message.contains("/nonexistent/ca.pem") ?? false, error?.message ?? "")
        }
    }

    func testProxyFromTheEnvironmentIsUsed() throws {
        let proxy = try TestHTTPServer { _ in .init(body: "via proxy") }
        setenv("http_proxy", proxy.baseURL, 1)
        defer { unsetenv("http_proxy") }
        let response = try transport().send(
            HTTPRequest(method: "GET", url: "http://glue.example.invalid/path?x=1"))
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "via proxy")
        XCTAssertEqual(proxy.requests.first?.target, "http://glue.example.invalid/path?x=1")
    }

    func testEmptyDownloadCreatesAnEmptyFile() throws {
        let directory = try TemporaryDirectory()
        let server = try TestHTTPServer { _ in .init(body: "") }
        let target = directory.path + "/empty.csv"
        _ = try transport().send(
            HTTPRequest(method: "GET", url: server.baseURL + "/b/empty.csv"),
            options: TransferOptions(responseBodyPath: target))
        XCTAssertEqual(try directory.contents(), ["empty.csv"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)).count, 0)
    }

    func testInfiniteAndHugeTimeoutsMeanNoTimeout() throws {
        let server = try TestHTTPServer { _ in .init(body: "fine") }
        for options in [
            TransferOptions(connectTimeout: .infinity, readTimeout: .infinity),
            TransferOptions(connectTimeout: 1e300, readTimeout: 1e300),
        ] {
            let response = try transport().send(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: options)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "fine")
        }
    }
}
