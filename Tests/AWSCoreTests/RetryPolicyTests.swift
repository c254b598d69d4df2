import AWSCore
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testStandardDelayDoublesUpToTwentySeconds() {
        let policy = RetryPolicy(mode: .standard, random: { 0.5 })
        XCTAssertEqual((1...7).map { policy.delay(afterAttempt: $0) }, [0.5, 1, 2, 4, 8, 10, 10])
    }

    func testDelayIsJitteredBetweenZeroAndTheCap() {
        let policy = RetryPolicy(mode: .standard)
        for attempt in 1...8 {
            let cap = min(pow(2.0, Double(attempt - 1)), 20)
            let delay = policy.delay(afterAttempt: attempt)
            XCTAssertTrue(delay >= 0 && delay < cap, "attempt \(attempt): \(delay) outside 0..<\(cap)")
        }
    }

    func testLegacyDelayIsNotCapped() {
        let policy = RetryPolicy(mode: .legacy, random: { 1 })
        XCTAssertEqual(policy.delay(afterAttempt: 6), 32)
    }

    func testDefaultsFollowTheMode() throws {
        XCTAssertEqual(RetryPolicy().maxAttempts, 3)
        XCTAssertNotNil(RetryPolicy().quota)
        XCTAssertEqual(try RetryPolicy(modeName: "legacy", maxAttempts: nil).maxAttempts, 5)
        XCTAssertEqual(try RetryPolicy(modeName: nil, maxAttempts: 7).maxAttempts, 7)
        let adaptive = try RetryPolicy(modeName: "Adaptive", maxAttempts: nil)
        XCTAssertEqual(adaptive.mode, .adaptive)
        XCTAssertEqual(adaptive.maxAttempts, 3)
        XCTAssertNotNil(adaptive.quota, "adaptive mode keeps standard mode's retry quota")
        XCTAssertNotNil(adaptive.rateLimiter)
        XCTAssertNil(RetryPolicy().rateLimiter, "standard mode has no rate limiter")
    }

    func testUnknownModeAndZeroAttemptsAreRejected() {
        XCTAssertThrowsError(try RetryPolicy(modeName: "aggressive", maxAttempts: nil)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidRetryMode")
            XCTAssertTrue((error as? AWSError)?.message.contains("aggressive") ?? false)
        }
        XCTAssertThrowsError(try RetryPolicy(modeName: "standard", maxAttempts: 0)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidMaxAttempts")
        }
    }

    func testSystemSleepWaits() {
        let started = ContinuousClock.now
        RetryPolicy.systemSleep(0.12)
        XCTAssertGreaterThanOrEqual(started.duration(to: .now), .milliseconds(120))
    }
}
