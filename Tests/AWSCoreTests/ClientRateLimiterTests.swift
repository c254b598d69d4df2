import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// `retry_mode = adaptive`: botocore's client-side rate limiter, compared with botocore's own on
/// a made-up clock, and watched slowing a client down against a throttling loopback server.
final class ClientRateLimiterTests: XCTestCase {
    func testTheLimiterMatchesBotocoreStepByStep() throws {
        var events: [JSONValue] = []
        var seed: UInt64 = 42
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for index in 0..<400 {
            let throttled = (60..<75).contains(index) || (200..<205).contains(index) || random() < 0.03
            events.append(["gap": .double(0.002 + random() * 0.02), "kind": "send"])
            events.append(["gap": .double(0.005 + random() * 0.03), "kind": "response", "throttled": .bool(throttled)])
        }
        let start = 1_700_000_000.25
        let input = try JSONEncoding.encode(["start": .double(start), "events": .array(events)])
        let script = BotocoreProtocolOracle.script.deletingLastPathComponent().appendingPathComponent(
            "rate_limiter_oracle.py")
        let result = try BotocoreProtocolOracle.run(["python3", script.path], input: Data(input))
        guard result.status == 0 else {
            throw Prerequisite.missing(
                "the botocore oracle did not run: \(String(decoding: result.error, as: UTF8.self))")
        }
        let expected = try JSONDecoding.decode([UInt8](result.output)).arrayValue ?? []
        XCTAssertEqual(expected.count, events.count)

        let clock = FakeClock(start)
        let limiter = ClientRateLimiter(now: { clock.time })
        var waits = 0.0
        for (event, answer) in zip(events, expected) {
            clock.advance(event["gap"]?.numberValue ?? 0)
            if event["kind"] == "send" {
                let wait = limiter.delayBeforeSending()
                clock.advance(wait)
                waits += wait
                XCTAssertEqual(wait, answer["wait"]?.numberValue ?? -1, accuracy: 1e-6)
            } else {
                limiter.record(throttled: event["throttled"] == .bool(true))
                XCTAssertEqual(limiter.allowedRate, answer["rate"]?.numberValue ?? -1, accuracy: 1e-6)
                XCTAssertEqual(limiter.measuredRate, answer["measured"]?.numberValue ?? -1, accuracy: 1e-6)
            }
        }
        XCTAssertGreaterThan(waits, 1, "the sequence made the limiter hold requests back")
    }

    func testThrottlingAnswersSlowTheClientDown() throws {
        let adaptive = try Self.run(mode: .adaptive)
        let standard = try Self.run(mode: .standard)
        XCTAssertEqual(standard.paced, 0, "standard mode never paces")
        XCTAssertGreaterThan(adaptive.paced, 0)
        // Before the throttling answers the client sent about 100 requests a second (10 ms each);
        // afterwards the limiter holds it well below that.
        XCTAssertGreaterThan(adaptive.rateBefore, 80)
        XCTAssertLessThan(adaptive.rateAfter, adaptive.rateBefore * 0.7)
        XCTAssertGreaterThan(standard.rateAfter, 80)
    }

    /// 60 calls against a server that answers calls 21 to 24 with `Throttling`; each answer
    /// takes 10 ms of made-up time, backoff is zero, so only pacing adds time.
    private static func run(mode: RetryMode) throws -> (paced: Double, rateBefore: Double, rateAfter: Double) {
        let clock = FakeClock(1_700_000_000)
        let counter = FakeClock(0)
        let server = try TestHTTPServer { _ in
            clock.advance(0.01)
            counter.advance(1)
            if (21...24).contains(Int(counter.time)) {
                return .init(
                    status: 400,
                    body:
                        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>"
                )
            }
            return .init(
                body:
                    "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>"
            )
        }
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL,
            retry: RetrySettings(mode: mode, maxAttempts: 5), caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let client = try AWSClient(
            serviceName: "sts", model: try ModelRegistry().model(for: "sts"), configuration: configuration)
        XCTAssertEqual(client.retryPolicy.rateLimiter != nil, mode == .adaptive)
        if client.retryPolicy.rateLimiter != nil {
            client.retryPolicy.rateLimiter = ClientRateLimiter(now: { clock.time })
        }
        var paced = 0.0
        client.retryPolicy.random = { 0 }
        client.retryPolicy.sleep = { seconds in
            paced += seconds
            clock.advance(seconds)
        }
        var times: [Double] = []
        for _ in 0..<60 {
            _ = try client.call("GetCallerIdentity", [:])
            times.append(clock.time)
        }
        let rateBefore = 15 / (times[19] - times[4])
        let rateAfter = 30 / (times[59] - times[29])
        return (paced, rateBefore, rateAfter)
    }
}

/// A clock that moves only when told to; safe across threads.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Double

    init(_ start: Double) { now = start }

    var time: Double {
        lock.lock()
        defer { lock.unlock() }
        return now
    }

    func advance(_ seconds: Double) {
        lock.lock()
        now += seconds
        lock.unlock()
    }
}
