import AWSCore
import XCTest

/// How failed transfers are named: a server that answers something other than HTTP is a
/// connection error (retried), never a bad URL.
final class CurlTransportErrorTests: XCTestCase {
    func testGarbageOnAKeptAliveConnectionIsARetryableConnectionError() throws {
        for garbage in ["garbage\r\n", "\u{1}\u{2}\u{3}\r\n", "HTTP/1.1 two hundred OK\r\n"] {
            let server = try TestHTTPServer(replies: [.init(body: "first"), .init(prelude: garbage)])
            defer { server.stop() }
            let transport = try CurlTransport()
            XCTAssertEqual(try transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/1")).status, 200)
            XCTAssertThrowsError(try transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/2"))) {
                let error = $0 as? AWSError
                XCTAssertEqual(
                    error?.code, "ConnectionError", "\(garbage.debugDescription): \(String(describing: error))")
                XCTAssertEqual(error?.retryable, true)
                XCTAssertTrue(error?.message.contains("not HTTP") == true, error?.message ?? "")
            }
            XCTAssertEqual(server.connectionsAccepted, 1, "the garbage came on the kept-alive connection")
        }
    }

    func testAURLCurlCannotSendIsStillAnInvalidURL() throws {
        XCTAssertThrowsError(try CurlTransport().send(HTTPRequest(method: "GET", url: "gopherx://127.0.0.1:9/x"))) {
            XCTAssertEqual(($0 as? AWSError)?.code, "InvalidURL")
        }
    }
}
