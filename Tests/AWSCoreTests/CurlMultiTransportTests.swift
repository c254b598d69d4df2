import AWSCore
import Foundation
import XCTest

final class CurlMultiTransportTests: XCTestCase {
    func testRequestsRunAtOnceAndComeBackInOrder() throws {
        let server = try TestHTTPServer { request in .init(body: "part \(request.target)", delay: 0.4) }
        let transport = try CurlMultiTransport(maxConcurrent: 4)
        let requests = (1...4).map { HTTPRequest(method: "GET", url: server.baseURL + "/\($0)") }
        let started = ContinuousClock.now
        let results = transport.sendAll(requests)
        XCTAssertLessThan(
            started.duration(to: .now), .milliseconds(1200), "four 0.4 s answers should overlap")
        let bodies = try results.map { String(decoding: try $0.get().body, as: UTF8.self) }
        XCTAssertEqual(bodies, ["part /1", "part /2", "part /3", "part /4"])
    }

    func testConcurrencyIsLimitedAndConnectionsAreReused() throws {
        let server = try TestHTTPServer { _ in .init(body: "x", delay: 0.05) }
        let transport = try CurlMultiTransport(maxConcurrent: 2)
        let requests = (1...6).map { HTTPRequest(method: "GET", url: server.baseURL + "/\($0)") }
        XCTAssertEqual(transport.sendAll(requests).filter { (try? $0.get()) != nil }.count, 6)
        XCTAssertEqual(transport.sendAll(requests).filter { (try? $0.get()) != nil }.count, 6)
        XCTAssertEqual(server.requests.count, 12)
        XCTAssertLessThanOrEqual(server.connectionsAccepted, 2)
    }

    func testTheNextRequestCanStartAsSoonAsOneFinishes() throws {
        let server = try TestHTTPServer { request in
            .init(body: request.target, delay: request.target == "/slow" ? 1.5 : 0.05)
        }
        let transport = try CurlMultiTransport(maxConcurrent: 2)
        transport.start(HTTPRequest(method: "GET", url: server.baseURL + "/slow"), options: TransferOptions(), tag: 1)
        transport.start(HTTPRequest(method: "GET", url: server.baseURL + "/quick"), options: TransferOptions(), tag: 2)
        var finished: [(tag: Int, result: Result<HTTPResponse, AWSError>)] = []
        while finished.isEmpty { finished = transport.waitForFinished(timeout: 5) }
        XCTAssertEqual(finished.map(\.tag), [2], "the quick request is back while the slow one still runs")
        transport.start(HTTPRequest(method: "GET", url: server.baseURL + "/next"), options: TransferOptions(), tag: 3)
        finished = []
        while finished.isEmpty { finished = transport.waitForFinished(timeout: 5) }
        XCTAssertEqual(finished.map(\.tag), [3])
        transport.cancelAll()
        XCTAssertTrue(transport.waitForFinished(timeout: 0.1).isEmpty, "a cancelled request does not come back")
        XCTAssertEqual(
            try transport.sendAll([HTTPRequest(method: "GET", url: server.baseURL + "/after")])[0].get().status, 200)
    }

    /// A stalled transfer has no socket event to wake it: curl's timer must bring it back so its
    /// read time-out is noticed.
    func testAStalledTransferTimesOutWhileTheOthersFinish() throws {
        let server = try TestHTTPServer { request in
            request.target == "/stalled"
                ? .init(body: "0123456789", action: .stall(sentBodyBytes: 3, seconds: 8)) : .init(body: "good")
        }
        let transport = try CurlMultiTransport()
        let results = transport.sendAll(
            ["/a", "/stalled", "/c"].map {
                (HTTPRequest(method: "GET", url: server.baseURL + $0), TransferOptions(readTimeout: 1))
            })
        XCTAssertEqual(try results[0].get().status, 200)
        XCTAssertThrowsError(try results[1].get()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ReadTimeout", "\(error)")
        }
        XCTAssertEqual(try results[2].get().status, 200)
    }

    func testOneFailureDoesNotStopTheOthers() throws {
        let server = try TestHTTPServer { request in
            request.target == "/bad" ? .init(action: .reset) : .init(body: "good")
        }
        let transport = try CurlMultiTransport()
        let results = transport.sendAll(
            ["/a", "/bad", "/c"].map { HTTPRequest(method: "GET", url: server.baseURL + $0) })
        XCTAssertEqual(try results[0].get().status, 200)
        XCTAssertThrowsError(try results[1].get()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ConnectionError")
        }
        XCTAssertEqual(try results[2].get().status, 200)
    }

    func testPartsUploadFromOneFileAndDownloadToTheirOwnFiles() throws {
        let directory = try TemporaryDirectory()
        let content = (0..<30_000).map { UInt8($0 % 256) }
        let source = try directory.write("source.bin", content)
        let server = try TestHTTPServer { request in .init(body: String(request.body.count)) }
        let transport = try CurlMultiTransport()
        let transfers = (0..<3).map { part in
            (
                request: HTTPRequest(
                    method: "PUT", url: server.baseURL + "/part\(part)",
                    body: .file(path: source, offset: UInt64(part * 10_000), length: 10_000)),
                options: TransferOptions(responseBodyPath: directory.path + "/answer\(part)")
            )
        }
        let results = transport.sendAll(transfers)
        XCTAssertEqual(results.filter { (try? $0.get().status) == 200 }.count, 3)
        for part in 0..<3 {
            let received = try XCTUnwrap(server.requests.first { $0.target == "/part\(part)" })
            XCTAssertEqual(received.body, Array(content[part * 10_000..<(part + 1) * 10_000]))
            XCTAssertEqual(
                try String(contentsOfFile: directory.path + "/answer\(part)", encoding: .utf8), "10000")
        }
    }
}
