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

    func testDatesAndTimesThatCannotExistAreNoTimestamp() {
        for text in [
            "2026-02-31", "2026-02-29T00:00:00Z", "2100-02-29", "2026-04-31T10:00:00Z", "2026-00-10", "2026-13-01",
            "2026-01-00", "2026-01-01T25:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T12:60:00Z",
            "2026-01-01T12:00:00+05:", "2026-01-01T12:00:00+5", "2026-01-01T12:00:00+05:6",
            "2026-01-01T12:00:00+24:00", "2026-01-01T12:00:00+05:60", "2026-01-01T12:00:00+0560",
            "Tue, 31 Feb 2026 00:00:00 GMT", "Sat, 31 Apr 2026 00:00:00 GMT",
        ] {
            XCTAssertNil(Timestamp(parsing: text), text)
        }
    }

    func testRealDatesAndWholeOffsetsStillParse() {
        XCTAssertEqual(Timestamp(parsing: "2024-02-29T12:00:00Z")?.iso8601Seconds, "2024-02-29T12:00:00Z")
        XCTAssertEqual(Timestamp(parsing: "2000-02-29")?.iso8601Seconds, "2000-02-29T00:00:00Z")
        XCTAssertEqual(Timestamp(parsing: "2026-01-01T12:00:00+05:30")?.iso8601Seconds, "2026-01-01T06:30:00Z")
        XCTAssertEqual(Timestamp(parsing: "2026-01-01T12:00:00-0130")?.iso8601Seconds, "2026-01-01T13:30:00Z")
        XCTAssertEqual(Timestamp(parsing: "2026-01-01T12:00:00+05")?.iso8601Seconds, "2026-01-01T07:00:00Z")
        XCTAssertEqual(Timestamp(parsing: "Sun, 29 Feb 2004 08:49:37 GMT")?.iso8601Seconds, "2004-02-29T08:49:37Z")
    }

    func testMillisecondsAreRoundedNotCut() {
        let second = 1_764_547_200.0  // 2025-12-01T00:00:00Z
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.9996).iso8601, "2025-12-01T00:00:01Z")
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.9994).iso8601, "2025-12-01T00:00:00.999Z")
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.0004).iso8601, "2025-12-01T00:00:00Z")
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.1235).iso8601, "2025-12-01T00:00:00.124Z")
        XCTAssertEqual(Timestamp(epochSeconds: second - 0.0004).iso8601, "2025-12-01T00:00:00Z")
        XCTAssertEqual(Timestamp(parsing: "2025-12-01T00:00:00.9996Z")?.iso8601, "2025-12-01T00:00:01Z")
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.9996).unixTimestamp, "1764547201")
        XCTAssertEqual(Timestamp(epochSeconds: second + 0.25).unixTimestamp, "1764547200.25")
        XCTAssertEqual(Timestamp(epochSeconds: 253_402_300_799.9996).iso8601, "9999-12-31T23:59:59Z")
    }
}
