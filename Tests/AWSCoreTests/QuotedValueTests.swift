import XCTest

@testable import AWSCore

/// Error messages quote at most 200 characters of a value and say how long it was.
final class QuotedValueTests: XCTestCase {
    func testShortValuesAreQuotedWhole() {
        XCTAssertEqual(QuotedValue.shortened("raw/part1.csv"), "raw/part1.csv")
        let accented = String(repeating: "é", count: 200)
        XCTAssertEqual(QuotedValue.shortened(accented), accented, "200 characters, 400 bytes")
    }

    func testLongValuesAreCutAndTheirLengthGiven() {
        let long = String(repeating: "k", count: 1_000_000)
        XCTAssertEqual(
            QuotedValue.shortened(long), String(repeating: "k", count: 200) + "... (1000000 bytes in all)")
    }

    private func client(_ server: TestHTTPServer) throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        return try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
    }

    func testAHugeKeyMakesAShortError() throws {
        let server = try TestHTTPServer { _ in .init(status: 200) }
        defer { server.stop() }
        let key = String(repeating: "k", count: 9_000_000)
        XCTAssertThrowsError(try client(server).call("GetObject", ["Bucket": "b", "Key": .string(key)])) {
            let message = ($0 as? AWSError)?.message ?? ""
            XCTAssertLessThan(message.utf8.count, 1000, String(message.prefix(300)))
            XCTAssertTrue(message.contains("bytes in all)"), message)
        }
        XCTAssertTrue(server.requests.isEmpty)
    }

    func testHugeNamesAndValuesMakeShortValidationErrors() throws {
        let server = try TestHTTPServer { _ in .init(status: 200) }
        defer { server.stop() }
        let s3 = try client(server)
        let huge = String(repeating: "x", count: 5_000_000)
        let inputs: [JSONValue] = [
            ["Bucket": "b", "Key": "k", .init(stringLiteral: huge): "v"],
            ["Bucket": "b", "Key": "k", "IfModifiedSince": .string(huge)],
            ["Bucket": "b", "Key": "k", "Metadata": [.init(stringLiteral: huge): 5]],
            ["Bucket": "b", "Key": "k", "Metadata": ["note": .string(huge + "\n")]],
        ]
        for (operation, input) in zip(["GetObject", "GetObject", "PutObject", "PutObject"], inputs) {
            XCTAssertThrowsError(try s3.call(operation, input)) {
                let message = ($0 as? AWSError)?.message ?? ""
                XCTAssertLessThan(message.utf8.count, 2000, String(message.prefix(300)))
            }
        }
        XCTAssertThrowsError(try s3.call(huge, [:])) {
            XCTAssertLessThan(($0 as? AWSError)?.message.utf8.count ?? 0, 1000)
        }
        XCTAssertThrowsError(try AWSURL(parsing: "https://" + huge + ":99999/")) {
            XCTAssertLessThan(($0 as? AWSError)?.message.utf8.count ?? 0, 1000)
        }
        XCTAssertThrowsError(try JMESPath.compile("a.[" + huge)) {
            XCTAssertLessThan(($0 as? AWSError)?.message.utf8.count ?? 0, 1000)
        }
    }
}
