import Foundation
import XCTest

@testable import AWSCore

/// The client's call loop: a cancelled call stops during the pause between attempts.
final class AWSClientTests: XCTestCase {
    func testACancelledCallStopsDuringTheBackoff() throws {
        let server = try TestHTTPServer(replies: [], fallback: .init(status: 503, body: "{}"))
        defer { server.stop() }
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:\(server.port)",
            retry: RetrySettings(maxAttempts: 5), caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "glue", model: try ModelRegistry().model(for: "glue"), configuration: configuration)
        client.retryPolicy.random = { 0.99 }
        let started = Date()
        client.isCancelled = { Date().timeIntervalSince(started) > 0.3 }
        XCTAssertThrowsError(try client.call("GetDatabases", .object([:]))) { error in
            XCTAssertEqual((error as? AWSError)?.code, "Cancelled")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5, "the backoff of about 1 s was cut short")
    }
}
