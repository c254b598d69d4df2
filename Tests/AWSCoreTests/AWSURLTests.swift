import AWSCore
import XCTest

final class AWSURLTests: XCTestCase {
    func testPathAndQueryAreKeptExactlyAsWritten() throws {
        let url = try AWSURL(parsing: "HTTPS://S3.Amazonaws.com/b/a//b/../c%2Fd?x=1&flag#section")
        XCTAssertEqual(url.scheme, "https")
        XCTAssertEqual(url.host, "s3.amazonaws.com")
        XCTAssertEqual(url.path, "/b/a//b/../c%2Fd")
        XCTAssertEqual(url.query, "x=1&flag")
        XCTAssertEqual(url.queryItems.map(\.name), ["x", "flag"])
        XCTAssertEqual(url.queryItems.map(\.value), ["1", nil])
        XCTAssertEqual(url.description, "https://s3.amazonaws.com/b/a//b/../c%2Fd?x=1&flag")
    }

    func testHostHeaderNamesOnlyANonDefaultPort() throws {
        XCTAssertEqual(try AWSURL(parsing: "http://127.0.0.1:5000").hostHeader, "127.0.0.1:5000")
        XCTAssertEqual(try AWSURL(parsing: "http://127.0.0.1:5000").path, "/")
        XCTAssertEqual(
            try AWSURL(parsing: "https://glue.eu-west-1.amazonaws.com:443/").hostHeader,
            "glue.eu-west-1.amazonaws.com")
        XCTAssertEqual(try AWSURL(parsing: "http://user:pw@[::1]:8080?q").hostHeader, "[::1]:8080")
        XCTAssertEqual(try AWSURL(parsing: "http://user:pw@[::1]:8080?q").query, "q")
    }

    func testMalformedURLsAreReported() {
        for text in [
            "s3.amazonaws.com/b", "https://", "https://:80/", "https://h:99999/", "https://h:8a/",
            "https://[::1/",
        ] {
            XCTAssertThrowsError(try AWSURL(parsing: text), text) { error in
                XCTAssertEqual((error as? AWSError)?.code, "InvalidURL", text)
            }
        }
    }
}
