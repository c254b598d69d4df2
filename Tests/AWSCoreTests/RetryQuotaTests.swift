import AWSCore
import XCTest

final class RetryQuotaTests: XCTestCase {
    func testAcquireRefusesMoreThanIsLeft() {
        let quota = RetryQuota(capacity: 12)
        XCTAssertTrue(quota.acquire(10))
        XCTAssertFalse(quota.acquire(5))
        XCTAssertEqual(quota.available, 2)
    }

    func testReleaseNeverExceedsCapacity() {
        let quota = RetryQuota()
        XCTAssertEqual(quota.available, 500)
        quota.release(1)
        XCTAssertEqual(quota.available, 500)
        XCTAssertTrue(quota.acquire(5))
        quota.release(10)
        XCTAssertEqual(quota.available, 500)
    }
}
