import AWSCore
import Foundation
import XCTest

/// One `CurlTransport` shared by several threads: their requests take turns on its handle.
final class CurlTransportThreadTests: XCTestCase {
    func testThreadsSharingATransportTakeTurnsAndAllSucceed() throws {
        let inFlight = Locked((now: 0, most: 0))
        let server = try TestHTTPServer { request in
            inFlight.with {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            usleep(2000)
            inFlight.with { $0.now -= 1 }
            return .init(body: request.target)
        }
        defer { server.stop() }
        let transport = try CurlTransport()
        let wrong = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for call in 0..<25 {
                let path = "/\(thread)/\(call)"
                let answer = Result { try transport.send(HTTPRequest(method: "GET", url: server.baseURL + path)) }
                if case .success(let response) = answer, String(decoding: response.body, as: UTF8.self) == path {
                    continue
                }
                wrong.with { $0.append("\(path): \(answer)") }
            }
        }
        XCTAssertEqual(wrong.with { $0 }, [])
        XCTAssertEqual(server.requests.count, 100)
        XCTAssertEqual(inFlight.with { $0.most }, 1, "one handle sends one request at a time")
    }
}
