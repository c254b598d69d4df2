import AWSCore
import Crypto
import Foundation
import XCTest

final class SigV4SignerTests: XCTestCase {
    let credentials = Credentials(
        accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token-1")

    func testSigningAgainReplacesTheEarlierSignature() throws {
        let signer = SigV4Signer(credentials: credentials, region: "eu-west-1", service: "glue")
        var request = HTTPRequest(
            method: "POST", url: "https://glue.eu-west-1.amazonaws.com/",
            headers: [("X-Amz-Target", "AWSGlue.GetDatabases")], body: .bytes(Array("{}".utf8)))
        let first = try signer.sign(&request, date: Date(timeIntervalSince1970: 1_800_000_000))
        let second = try signer.sign(&request, date: Date(timeIntervalSince1970: 1_800_000_060))

        XCTAssertNotEqual(first.signature, second.signature)
        for name in ["authorization", "x-amz-date", "x-amz-security-token"] {
            XCTAssertEqual(request.headers.filter { $0.name.lowercased() == name }.count, 1, name)
        }
        XCTAssertEqual(
            request.header("X-Amz-Date"), SigV4Timestamp(epochSeconds: 1_800_000_060).amzDate)
        XCTAssertTrue(
            request.header("Authorization")?.hasSuffix("Signature=\(second.signature)") ?? false)
    }

    func testHeadersThatChangeInTransitAreNotSigned() throws {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "iam")
        let request = HTTPRequest(
            method: "POST", url: "https://iam.amazonaws.com/",
            headers: [
                ("User-Agent", "gluescript"), ("Expect", "100-continue"), ("Transfer-Encoding", "chunked"),
                ("Connection", "close"), ("Content-Type", "application/x-www-form-urlencoded"),
            ])
        let result = try signer.signed(request)
        XCTAssertEqual(result.signedHeaders, "content-type;host;x-amz-date;x-amz-security-token")
    }

    func testS3SendsThePayloadHashItWasGivenWithoutReadingTheBody() throws {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let known = String(repeating: "ab", count: 32)
        let request = HTTPRequest(
            method: "PUT", url: "https://s3.amazonaws.com/b/k",
            body: .file(path: "/nonexistent/gluescript-body", offset: 0, length: 10))
        let result = try signer.signed(request, bodySHA256: known)
        XCTAssertEqual(result.request.header("x-amz-content-sha256"), known)
        XCTAssertTrue(result.canonicalRequest.hasSuffix("\n" + known))
    }

    func testFileBodyHashesLikeTheSameBytesInMemory() throws {
        let prefix = [UInt8](repeating: 7, count: 100)
        let content = (0..<(5 * 1024 * 1024 / 2)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sigv4-\(UUID().uuidString)"
        ).path
        XCTAssertTrue(
            FileManager.default.createFile(atPath: path, contents: Data(prefix + content + [1, 2, 3])))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let fromFile = try SigV4Signer.sha256Hex(
            of: .file(path: path, offset: UInt64(prefix.count), length: UInt64(content.count)))
        XCTAssertEqual(fromFile, try SigV4Signer.sha256Hex(of: .bytes(content)))
        XCTAssertEqual(fromFile, SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(try SigV4Signer.sha256Hex(of: .none), try SigV4Signer.sha256Hex(of: .bytes([])))
    }

    func testUnreadableOrShortFileBodyIsReported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sigv4-\(UUID().uuidString)"
        ).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3])))
        defer { try? FileManager.default.removeItem(atPath: path) }

        XCTAssertThrowsError(try SigV4Signer.sha256Hex(of: .file(path: path, offset: 1, length: 5))) {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "FileChanged")
        }
        XCTAssertThrowsError(
            try SigV4Signer.sha256Hex(of: .file(path: path + "-missing", offset: 0, length: 1))
        ) {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "FileNotReadable")
        }
    }

    /// A file shorter than the region claimed, ending in the middle of a read block after
    /// whole blocks were hashed, says how many bytes were missing.
    func testFileEndingPastTheFirstBlockIsFileChanged() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("short", Array(repeating: 5, count: 1_500_000))
        XCTAssertThrowsError(try SigV4Signer.sha256Hex(of: .file(path: path, offset: 10, length: 2_000_000))) {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "FileChanged")
            XCTAssertTrue(
                (error as? AWSError)?.message.contains("ended 500010 bytes before the 2000000 bytes") ?? false,
                "\(error)")
        }
    }

    func testPresignedURLCarriesTheSignatureAndLeavesHeadersAlone() throws {
        let signer = SigV4Signer(credentials: credentials, region: "us-west-2", service: "s3")
        let request = HTTPRequest(
            method: "GET", url: "https://s3.us-west-2.amazonaws.com/b/raw//a%20b.csv")
        let result = try signer.presign(
            request, expires: 900, date: Date(timeIntervalSince1970: 1_800_000_000))
        let url = try AWSURL(parsing: result.request.url)

        XCTAssertEqual(url.path, "/b/raw//a%20b.csv")
        let query = Dictionary(uniqueKeysWithValues: url.queryItems.map { ($0.name, $0.value ?? "") })
        XCTAssertEqual(query["X-Amz-Signature"], result.signature)
        XCTAssertEqual(query["X-Amz-Expires"], "900")
        XCTAssertEqual(query["X-Amz-Security-Token"], "token-1")
        XCTAssertTrue(result.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        XCTAssertTrue(result.request.headers.isEmpty)
    }

    func testPresignRejectsExpiriesAWSWouldRefuse() {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let request = HTTPRequest(method: "GET", url: "https://s3.amazonaws.com/b/k")
        for expires in [0, -5, SigV4Signer.maximumExpiry + 1] {
            XCTAssertThrowsError(try signer.presign(request, expires: expires)) { error in
                XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
            }
        }
    }

    func testMalformedURLIsAnErrorNotACrash() {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "iam")
        var request = HTTPRequest(method: "GET", url: "iam.amazonaws.com/")
        XCTAssertThrowsError(try signer.sign(&request)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidURL")
        }
    }

    func testTimestampsAreUTCWholeSeconds() {
        XCTAssertEqual(SigV4Timestamp(epochSeconds: 951_782_400).amzDate, "20000229T000000Z")
        XCTAssertEqual(SigV4Timestamp(epochSeconds: -1).amzDate, "19691231T235959Z")
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: 1.9)).amzDate, "19700101T000001Z")
        XCTAssertEqual(SigV4Timestamp(epochSeconds: 4_102_444_799).dateStamp, "20991231")
    }

    func testADateBeyondTheYear9999SignsAsItsLastSecond() {
        let stamp = SigV4Timestamp(Date(timeIntervalSince1970: 1e300))
        XCTAssertEqual(stamp.amzDate, "99991231T235959Z")
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: .nan)).amzDate, "19700101T000000Z")
    }
}
