import AWSCore
import Foundation
import XCTest

/// One `CurlTransport` shared by several threads: their requests take turns on its handle.
final class CurlTransportThreadTests: XCTestCase {
    func testThreadsSharingATransportTakeTurnsAndAllSucceed() throws {
        let lock = NSLock()
        var inFlight = 0
        var mostInFlight = 0
        let server = try TestHTTPServer { request in
            lock.lock()
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            lock.unlock()
            usleep(2000)
            lock.lock()
            inFlight -= 1
            lock.unlock()
            return .init(body: request.target)
        }
        defer { server.stop() }
        let transport = try CurlTransport()
        let failures = NSLock()
        var wrong: [String] = []
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for call in 0..<25 {
                let path = "/\(thread)/\(call)"
                let answer = Result { try transport.send(HTTPRequest(method: "GET", url: server.baseURL + path)) }
                if case .success(let response) = answer, String(decoding: response.body, as: UTF8.self) == path {
                    continue
                }
                failures.lock()
                wrong.append("\(path): \(answer)")
                failures.unlock()
            }
        }
        XCTAssertEqual(wrong, [])
        XCTAssertEqual(server.requests.count, 100)
        XCTAssertEqual(mostInFlight, 1, "one handle sends one request at a time")
    }
}
