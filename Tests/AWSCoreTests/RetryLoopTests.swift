import AWSCore
import Foundation
import XCTest

final class RetryLoopTests: XCTestCase {
    /// Sleeps recorded instead of slept.
    private final class Sleeps {
        var seconds: [Double] = []
    }

    private func policy(
        mode: RetryMode = .standard, maxAttempts: Int? = nil, quota: RetryQuota? = nil,
        random: Double = 0.5,
        sleeps: Sleeps
    ) -> RetryPolicy {
        RetryPolicy(
            mode: mode, maxAttempts: maxAttempts, quota: quota, random: { random },
            sleep: { sleeps.seconds.append($0) })
    }

    /// Reads a JSON-protocol error code from the body, as the protocol layer will.
    private func classify(_ response: HTTPResponse) -> AWSError? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = String(decoding: response.body, as: UTF8.self)
        let code =
            body.split(separator: "\"").dropFirst(3).first.map(String.init) ?? "HTTP\(response.status)"
        return AWSError(code: code, message: body, status: response.status)
    }

    private func send(_ server: TestHTTPServer, _ policy: RetryPolicy, body: HTTPRequest.Body = .none)
        throws -> (
            response: HTTPResponse, attempts: Int
        )
    {
        let transport = try CurlTransport()
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/", body: body)
        return try withRetries(
            policy, { _ in try transport.send(request, options: TransferOptions(readTimeout: 1)) },
            classify: classify)
    }

    func testFileBodyIsSentWholeAgainAfterA503() throws {
        let directory = try TemporaryDirectory()
        let content = (0..<200_000).map { UInt8($0 % 253) }
        let path = try directory.write("part.bin", content)
        let server = try TestHTTPServer(
            replies: [.init(status: 503, body: "busy")], fallback: .init(body: "ok"))
        let sleeps = Sleeps()
        let result = try send(
            server, policy(sleeps: sleeps), body: .file(path: path, offset: 5_000, length: 150_000))
        XCTAssertEqual(result.response.status, 200)
        XCTAssertEqual(result.attempts, 2)
        XCTAssertEqual(server.requests.count, 2)
        for received in server.requests {
            XCTAssertEqual(received.body, Array(content[5_000..<155_000]))
        }
        XCTAssertEqual(sleeps.seconds, [0.5])
    }

    func test503IsRetriedUpToMaxAttemptsWithBackoff() throws {
        let server = try TestHTTPServer { _ in .init(status: 503, body: "unavailable") }
        let sleeps = Sleeps()
        XCTAssertThrowsError(try send(server, policy(maxAttempts: 4, random: 0.75, sleeps: sleeps))) {
            error in
            let error = error as? AWSError
            XCTAssertEqual(error?.status, 503)
            XCTAssertEqual(error?.attempts, 4)
            XCTAssertEqual(error?.retryable, true)
        }
        XCTAssertEqual(server.requests.count, 4)
        XCTAssertEqual(sleeps.seconds, [0.75, 1.5, 3.0])
    }

    func testRealSleepsWaitBetweenAttempts() throws {
        let server = try TestHTTPServer { _ in .init(status: 500) }
        let policy = RetryPolicy(maxAttempts: 3, random: { 0.1 })
        XCTAssertThrowsError(try send(server, policy))
        let times = server.requests.map(\.time)
        XCTAssertEqual(times.count, 3)
        XCTAssertGreaterThanOrEqual(times[1] - times[0], .milliseconds(100))
        XCTAssertGreaterThanOrEqual(times[2] - times[1], .milliseconds(200))
        XCTAssertLessThan(times[2] - times[0], .seconds(2))
    }

    func testConnectionResetIsRetried() throws {
        let server = try TestHTTPServer(replies: [.init(action: .reset)], fallback: .init(body: "fine"))
        let sleeps = Sleeps()
        let result = try send(server, policy(sleeps: sleeps))
        XCTAssertEqual(String(decoding: result.response.body, as: UTF8.self), "fine")
        XCTAssertEqual(result.attempts, 2)
    }

    func testStalledResponseIsRetriedAfterReadTimeout() throws {
        let server = try TestHTTPServer(
            replies: [.init(body: "late", action: .stall(sentBodyBytes: 0, seconds: 5))],
            fallback: .init(body: "ok"))
        let result = try send(server, policy(sleeps: Sleeps()))
        XCTAssertEqual(result.attempts, 2)
        XCTAssertEqual(String(decoding: result.response.body, as: UTF8.self), "ok")
        XCTAssertEqual(server.requests.count, 2)
    }

    func testThrottlingCodeIsRetried() throws {
        let server = try TestHTTPServer(
            replies: [
                .init(status: 400, body: #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
            ],
            fallback: .init(body: "{}"))
        let sleeps = Sleeps()
        let result = try send(server, policy(sleeps: sleeps))
        XCTAssertEqual(result.attempts, 2)
        XCTAssertEqual(sleeps.seconds.count, 1)
    }

    func testClientErrorIsNotRetried() throws {
        let server = try TestHTTPServer { _ in
            .init(status: 400, body: #"{"__type":"ValidationException","message":"bad name"}"#)
        }
        let sleeps = Sleeps()
        XCTAssertThrowsError(try send(server, policy(sleeps: sleeps))) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "ValidationException")
            XCTAssertEqual(error?.attempts, 1)
            XCTAssertEqual(error?.retryable, false)
        }
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(sleeps.seconds, [])
    }

    func testEmptyQuotaStopsRetries() throws {
        let quota = RetryQuota(capacity: 12)
        let sleeps = Sleeps()
        var attempts = 0
        XCTAssertThrowsError(
            try withRetries(
                policy(maxAttempts: 10, quota: quota, sleeps: sleeps),
                { _ in
                    attempts += 1
                    return HTTPResponse(status: 500)
                }, classify: classify)
        ) { error in
            XCTAssertEqual((error as? AWSError)?.attempts, 3)
        }
        XCTAssertEqual(attempts, 3, "two retries at 5 tokens each fit in 12, a third does not")
        XCTAssertEqual(quota.available, 2)
    }

    func testQuotaRefundsOnSuccess() throws {
        let quota = RetryQuota()
        let sleeps = Sleeps()
        let failing: (Int) throws -> HTTPResponse = { _ in
            throw AWSError(code: "ConnectionError", message: "down")
        }
        XCTAssertThrowsError(
            try withRetries(policy(quota: quota, sleeps: sleeps), failing, classify: classify))
        XCTAssertEqual(quota.available, 490)
        _ = try withRetries(
            policy(quota: quota, sleeps: sleeps), { _ in HTTPResponse(status: 200) }, classify: classify)
        XCTAssertEqual(quota.available, 491, "a first-time success gives back one token")
        _ = try withRetries(
            policy(quota: quota, sleeps: sleeps),
            { $0 == 1 ? HTTPResponse(status: 502) : HTTPResponse(status: 200) },
            classify: classify)
        XCTAssertEqual(quota.available, 491, "a success after a retry gives back that retry's cost")
    }

    func testTimeoutRetryCostsTenTokens() throws {
        let quota = RetryQuota()
        let sleeps = Sleeps()
        XCTAssertThrowsError(
            try withRetries(
                policy(maxAttempts: 2, quota: quota, sleeps: sleeps),
                { _ in throw AWSError(code: "ReadTimeout", message: "slow") }, classify: classify))
        XCTAssertEqual(quota.available, 490)
    }

    func testModeledRetryableErrorIsRetried() throws {
        let sleeps = Sleeps()
        let result = try withRetries(
            policy(sleeps: sleeps), { HTTPResponse(status: $0 == 1 ? 409 : 200) },
            classify: { response in
                response.status == 409
                    ? AWSError(code: "ConcurrentModificationException", message: "", retryable: true) : nil
            })
        XCTAssertEqual(result.attempts, 2)
    }

    func testLegacyModeMakesFiveAttemptsWithoutCapOrQuota() throws {
        let sleeps = Sleeps()
        var attempts = 0
        let legacy = policy(mode: .legacy, random: 1, sleeps: sleeps)
        XCTAssertNil(legacy.quota)
        XCTAssertThrowsError(
            try withRetries(
                legacy,
                { _ in
                    attempts += 1
                    return HTTPResponse(status: 429)
                }, classify: classify))
        XCTAssertEqual(attempts, 5)
        XCTAssertEqual(sleeps.seconds, [1, 2, 4, 8])
    }

    func testRetryIsAnnouncedInTheDebugLog() throws {
        var lines = ""
        var retryPolicy = policy(sleeps: Sleeps())
        retryPolicy.debugLog = DebugLog { lines += $0 }
        _ = try withRetries(
            retryPolicy, { HTTPResponse(status: $0 == 1 ? 503 : 200) }, classify: classify)
        XCTAssertTrue(lines.contains("attempt 2 of 3"), lines)
    }
}
