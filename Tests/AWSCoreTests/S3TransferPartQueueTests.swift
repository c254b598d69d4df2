import XCTest

@testable import AWSCore

/// The order parts are sent in: fresh parts in order, and a failed part again once its backoff is over.
final class S3TransferPartQueueTests: XCTestCase {
    func testARetryGoesFirstOnlyOnceItsBackoffIsOver() {
        var queue = PartQueue(count: 3)
        let now = ContinuousClock.now
        XCTAssertEqual(queue.next(now: now)?.index, 0)
        queue.retry(0, attempt: 2, after: 1, now: now)
        XCTAssertEqual(queue.next(now: now)?.index, 1, "a part in its backoff does not hold up the next")
        let later = now.advanced(by: .seconds(2))
        let retried = queue.next(now: later)
        XCTAssertEqual(retried?.index, 0)
        XCTAssertEqual(retried?.attempt, 2)
        XCTAssertEqual(queue.next(now: later)?.index, 2)
        XCTAssertNil(queue.next(now: later))
        XCTAssertTrue(queue.isEmpty)
    }

    func testWhenOnlyRetriesRemainTheEarliestIsWaitedForAndTaken() {
        var queue = PartQueue(count: 1)
        _ = queue.next(now: .now)
        queue.retry(0, attempt: 2, after: 30, now: .now)
        XCTAssertNil(queue.next(now: .now))
        var waited: [Double] = []
        let item = queue.nextRetry { waited.append($0) }
        XCTAssertEqual(item?.index, 0)
        XCTAssertEqual(waited.first ?? 0, 30, accuracy: 1)
        XCTAssertTrue(queue.isEmpty)
    }

    func testInOrderNoFreshPartPassesARetryInItsBackoff() {
        var queue = PartQueue(count: 3, inOrder: true)
        let now = ContinuousClock.now
        XCTAssertEqual(queue.next(now: now)?.index, 0)
        queue.retry(0, attempt: 2, after: 1, now: now)
        XCTAssertNil(queue.next(now: now), "part 1 waits for part 0")
        XCTAssertEqual(queue.nextRetry { _ in }?.index, 0)
        XCTAssertEqual(queue.next(now: now)?.index, 1)
    }
}
