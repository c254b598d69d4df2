import Crypto
import XCTest

@testable import AWSCore

/// Signing keys are derived once per secret, day, region and service, and never shared
/// between any two of those.
final class SigV4SigningKeysTests: XCTestCase {
    /// The key as the SigV4 specification derives it, without any cache.
    private func expected(_ secret: String, _ date: String, _ region: String, _ service: String, _ text: String)
        -> [UInt8]
    {
        var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }

    private func mac(
        _ keys: SigV4SigningKeys, _ secret: String, _ date: String, _ region: String, _ service: String,
        _ text: String
    ) -> [UInt8] {
        var authenticator = keys.authenticator(
            secretAccessKey: secret, dateStamp: date, region: region, service: service)
        authenticator.update(data: Array(text.utf8))
        return Array(authenticator.finalize())
    }

    func testEveryPartOfTheScopeAndTheSecretMakeTheirOwnKey() {
        let keys = SigV4SigningKeys(capacity: 3)
        let scopes = [
            ("secret", "20261201", "us-east-1", "glue"), ("secret", "20261201", "us-east-1", "glue"),
            ("rotated", "20261201", "us-east-1", "glue"), ("secret", "20261202", "us-east-1", "glue"),
            ("secret", "20261201", "eu-west-1", "glue"), ("secret", "20261201", "us-east-1", "s3"),
            ("secret", "20261201", "us-east-1", "glue"),
        ]
        for (secret, date, region, service) in scopes {
            for text in ["first string to sign", "second"] {
                XCTAssertEqual(
                    mac(keys, secret, date, region, service, text), expected(secret, date, region, service, text),
                    "\(secret) \(date) \(region) \(service)")
            }
        }
    }

    func testASignatureDoesNotChangeTheKeptKey() {
        let keys = SigV4SigningKeys()
        var first = keys.authenticator(secretAccessKey: "s", dateStamp: "20261201", region: "r", service: "glue")
        first.update(data: Array("one".utf8))
        _ = first.finalize()
        XCTAssertEqual(mac(keys, "s", "20261201", "r", "glue", "two"), expected("s", "20261201", "r", "glue", "two"))
    }

    func testSignaturesFollowRefreshedCredentials() throws {
        let request = HTTPRequest(
            method: "POST", url: "https://glue.us-east-1.amazonaws.com/",
            headers: [("X-Amz-Target", "AWSGlue.GetDatabases")], body: .bytes(Array("{}".utf8)))
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        func signature(_ secret: String) throws -> String {
            try SigV4Signer(
                credentials: Credentials(accessKeyID: "AKID", secretAccessKey: secret), region: "us-east-1",
                service: "glue"
            ).signed(request, date: date).signature
        }
        let old = try signature("old-secret")
        let new = try signature("new-secret")
        XCTAssertNotEqual(old, new)
        XCTAssertEqual(try signature("old-secret"), old)
        let time = SigV4Timestamp(date)
        let stringToSign = try SigV4Signer(
            credentials: Credentials(accessKeyID: "AKID", secretAccessKey: "new-secret"), region: "us-east-1",
            service: "glue"
        ).signed(request, date: date).stringToSign
        XCTAssertEqual(
            new, SigV4Signer.hex(expected("new-secret", time.dateStamp, "us-east-1", "glue", stringToSign)))
    }
}
