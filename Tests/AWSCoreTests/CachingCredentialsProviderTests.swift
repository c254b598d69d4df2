import XCTest

@testable import AWSCore

final class CachingCredentialsProviderTests: XCTestCase {
    let start: Double = 1_000_000

    func temporary(_ key: String, expiresIn seconds: Double) -> Credentials {
        Credentials(
            accessKeyID: key, secretAccessKey: "s", sessionToken: "t", expiration: start + seconds)
    }

    func testCredentialsWithoutExpirationAreFetchedOnce() throws {
        let inner = CountingProvider(result: Credentials(accessKeyID: "K", secretAccessKey: "S"))
        let cache = CachingCredentialsProvider(wrapping: inner, now: TestClock(now: start).read)
        for _ in 0..<3 { XCTAssertEqual(try cache.credentials().accessKeyID, "K") }
        XCTAssertEqual(inner.calls, 1)
        XCTAssertEqual(cache.source, "counting")
    }

    func testRefreshesInsideTheAdvisoryWindow() throws {
        let clock = TestClock(now: start)
        let inner = CountingProvider(result: temporary("OLD", expiresIn: 3600))
        let cache = CachingCredentialsProvider(wrapping: inner, now: clock.read)
        XCTAssertEqual(try cache.credentials().accessKeyID, "OLD")
        clock.now = start + 3600 - 16 * 60
        XCTAssertEqual(try cache.credentials().accessKeyID, "OLD")
        XCTAssertEqual(inner.calls, 1)
        inner.result = temporary("NEW", expiresIn: 7200)
        clock.now = start + 3600 - 14 * 60
        XCTAssertEqual(try cache.credentials().accessKeyID, "NEW")
        XCTAssertEqual(inner.calls, 2)
    }

    func testAdvisoryRefreshFailureKeepsCurrentCredentials() throws {
        let clock = TestClock(now: start)
        let inner = CountingProvider(result: temporary("OLD", expiresIn: 3600))
        let cache = CachingCredentialsProvider(wrapping: inner, now: clock.read)
        _ = try cache.credentials()
        inner.failure = AWSError(code: "CredentialRetrievalError", message: "service down")
        clock.now = start + 3600 - 12 * 60
        XCTAssertEqual(try cache.credentials().accessKeyID, "OLD")
    }

    func testMandatoryRefreshFailureIsThrown() throws {
        let clock = TestClock(now: start)
        let inner = CountingProvider(result: temporary("OLD", expiresIn: 3600))
        let cache = CachingCredentialsProvider(wrapping: inner, now: clock.read)
        _ = try cache.credentials()
        inner.failure = AWSError(code: "CredentialRetrievalError", message: "service down")
        clock.now = start + 3600 - 9 * 60
        XCTAssertThrowsError(try cache.credentials()) { error in
            XCTAssertEqual((error as? AWSError)?.message, "service down")
        }
    }

    func testRefreshThatReturnsExpiredCredentialsIsAnError() throws {
        let clock = TestClock(now: start)
        let inner = CountingProvider(result: temporary("OLD", expiresIn: 60))
        let cache = CachingCredentialsProvider(wrapping: inner, now: clock.read)
        _ = try cache.credentials()
        clock.now = start + 120
        XCTAssertThrowsError(try cache.credentials()) { error in
            XCTAssertTrue((error as? AWSError)?.message.contains("still expired") ?? false, "\(error)")
        }
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    var now: Double
    init(now: Double) { self.now = now }
    var read: @Sendable () -> Double { { self.now } }
}
