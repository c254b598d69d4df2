import Foundation
import XCTest

@testable import AWSCore

/// The assume-role provider may be shared between threads: its STS client, which is not
/// thread-safe, makes one AssumeRole call at a time.
final class AssumeRoleCredentialsProviderTests: XCTestCase {
    /// Answers AssumeRole and counts how many calls were ever in progress at once.
    final class OverlapCountingSTS: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var inFlight = 0
        private(set) var mostInFlight = 0
        private(set) var calls = 0

        func send(_ request: HTTPRequest, options: TransferOptions) throws -> HTTPResponse {
            lock.lock()
            inFlight += 1
            calls += 1
            mostInFlight = max(mostInFlight, inFlight)
            lock.unlock()
            usleep(2000)
            lock.lock()
            inFlight -= 1
            lock.unlock()
            let body = """
                <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>\
                <SecretAccessKey>role-secret</SecretAccessKey><SessionToken>token</SessionToken>\
                <Expiration>2036-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>\
                <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>
                """
            return HTTPResponse(status: 200, body: Array(body.utf8))
        }
    }

    func testThreadsSharingTheProviderCallSTSOneAtATime() throws {
        let fake = OverlapCountingSTS()
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:9",
            retry: RetrySettings(maxAttempts: 1),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let sts = try AWSClient(
            serviceName: "sts", model: try ModelRegistry().model(for: "sts"), configuration: configuration,
            transport: fake)
        let provider = AssumeRoleCredentialsProvider(
            settings: AssumeRoleSettings(roleARN: "arn:aws:iam::123456789012:role/r", sessionName: "threads"), sts: sts)
        let keys = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10 {
                let answer = Result { try provider.credentials().accessKeyID }
                let text = (try? answer.get()) ?? "\(answer)"
                keys.with { $0.append(text) }
            }
        }
        XCTAssertEqual(keys.with { $0 }, Array(repeating: "ASIAROLE", count: 40))
        XCTAssertEqual(fake.calls, 40)
        XCTAssertEqual(fake.mostInFlight, 1)
    }
}
