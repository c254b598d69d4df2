import AWSCore
import XCTest

final class RetryClassifierTests: XCTestCase {
    private func reason(_ code: String, status: Int? = nil, mode: RetryMode = .standard)
        -> RetryReason?
    {
        RetryClassifier.reason(for: AWSError(code: code, message: "", status: status), mode: mode)
    }

    func testTransientStatusesAndCodes() {
        for status in [500, 502, 503, 504] {
            XCTAssertEqual(reason("InternalError", status: status), .transient, "\(status)")
        }
        for code in ["RequestTimeout", "RequestTimeoutException", "ConnectionError", "TruncatedBody"] {
            XCTAssertEqual(reason(code, status: 400), .transient, code)
        }
        XCTAssertEqual(reason("PriorRequestNotComplete", status: 400), .throttling)
    }

    func testTimeouts() {
        XCTAssertEqual(reason("ReadTimeout"), .timeout)
        XCTAssertEqual(reason("ConnectTimeout"), .timeout)
    }

    func testThrottlingCodes() {
        for code in [
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
            "RequestThrottled", "SlowDown",
            "EC2ThrottledException",
        ] {
            XCTAssertEqual(reason(code, status: 400), .throttling, code)
        }
    }

    func testClientErrorsAreNotRetried() {
        XCTAssertNil(reason("AccessDenied", status: 403))
        XCTAssertNil(reason("EntityAlreadyExists", status: 409))
        XCTAssertNil(reason("TLSError"))
        XCTAssertNil(reason("HTTP501", status: 501))
    }

    func testLegacyListsDiffer() {
        XCTAssertEqual(reason("TooManyRequests", status: 429, mode: .legacy), .transient)
        XCTAssertNil(reason("TooManyRequests", status: 429, mode: .standard))
        XCTAssertNil(reason("SlowDown", status: 400, mode: .legacy))
    }
}
