import XCTest

@testable import AWSCore

/// Timestamps far outside the years AWS knows never crash a request or a response.
final class TimestampTests: XCTestCase {
    func testExtremeEpochSecondsFormatAtTheEndsOfTheSupportedYears() {
        XCTAssertEqual(Timestamp(epochSeconds: 1e300).iso8601Seconds, "9999-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp(epochSeconds: -1e300).iso8601Seconds, "0001-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(epochSeconds: .infinity).rfc822, "Fri, 31 Dec 9999 23:59:59 GMT")
        XCTAssertEqual(Timestamp(epochSeconds: .nan).iso8601, "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(epochSeconds: 1e300).unixTimestamp, "253402300799")
    }

    func testTextNamingATimeOutsideTheSupportedYearsIsNoTimestamp() {
        XCTAssertNil(Timestamp(parsing: "1e300"))
        XCTAssertNil(Timestamp(parsing: "Wed, 26 Nov 99999999999999999 00:30:34 GMT"))
        XCTAssertNil(Timestamp(parsing: "Wed, 26 Nov 2026 9223372036854775807:30:34 GMT"))
        XCTAssertEqual(Timestamp(parsing: "Wed, 26 Nov 2026 00:30:34 GMT")?.iso8601Seconds, "2026-11-26T00:30:34Z")
    }
}
