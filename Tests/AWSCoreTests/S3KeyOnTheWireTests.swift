import Foundation
import XCTest

@testable import AWSCore

/// S3 keys with dot segments, doubled slashes, `%`, `+`, spaces and non-ASCII go out byte for
/// byte as `buildRequest` and `presign` show them and as the signature covers them, through a
/// single call and through the parallel parts of a transfer: a key `../victim/secret.txt` in
/// bucket `attacker` stays in bucket `attacker`.
final class S3KeyOnTheWireTests: XCTestCase {
    static let credentials = Credentials(accessKeyID: "AKID", secretAccessKey: "secret")
    static let signingDate = Date(timeIntervalSince1970: 1_795_653_034)

    /// Each key and the request path it must be sent as, in bucket `attacker`.
    static let keys: [(key: String, path: String)] = [
        ("..", "/attacker/.."),
        (".", "/attacker/."),
        ("a/../b", "/attacker/a/../b"),
        ("a//b", "/attacker/a//b"),
        ("a/", "/attacker/a/"),
        ("a/./b", "/attacker/a/./b"),
        ("../victim/secret.txt", "/attacker/../victim/secret.txt"),
        ("100%", "/attacker/100%25"),
        ("%2e%2e/x", "/attacker/%252e%252e/x"),
        ("a+b", "/attacker/a%2Bb"),
        ("my file", "/attacker/my%20file"),
        ("été/☃", "/attacker/%C3%A9t%C3%A9/%E2%98%83"),
    ]

    private func client(_ server: TestHTTPServer) throws -> AWSClient {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil, credentials: StaticCredentialsProvider(Self.credentials))
        let client = try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
        client.now = { Self.signingDate }
        return client
    }

    func testEachKeyIsSentAsBuiltPresignedAndSigned() throws {
        let server = try TestHTTPServer { _ in .init(status: 200, body: "x") }
        defer { server.stop() }
        let s3 = try client(server)
        for (key, path) in Self.keys {
            let input: JSONValue = ["Bucket": "attacker", "Key": .string(key)]
            _ = try s3.call("GetObject", input)
            let sent = try XCTUnwrap(server.requests.last)
            XCTAssertEqual(sent.target, path, "request line for key \(key)")
            let built = try s3.buildRequest("GetObject", input)
            XCTAssertEqual(try AWSURL(parsing: built.url).path, path, "build_request for key \(key)")
            let presigned = try s3.presign("GetObject", input, expires: 60)
            XCTAssertEqual(try AWSURL(parsing: presigned).path, path, "presign for key \(key)")
            try Self.assertSignatureCovers(sent, baseURL: server.baseURL, key: key)
        }
    }

    func testThePartsOfAParallelDownloadAreSentAsSigned() throws {
        let object = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let server = try TestHTTPServer { request in
            guard request.method == "GET", let range = request.header("range") else {
                return .init(status: 200, headers: [("Content-Length", "\(object.count)"), ("ETag", "\"e\"")])
            }
            let bounds = range.dropFirst("bytes=".count).split(separator: "-").compactMap { Int($0) }
            var reply = TestHTTPServer.Reply(status: 206, headers: [("ETag", "\"e\"")])
            reply.body = Array(object[bounds[0]...bounds[1]])
            return reply
        }
        defer { server.stop() }
        var options = S3TransferOptions()
        options.threshold = 1000
        options.partSize = 1024
        options.minimumPartSize = 1
        options.concurrency = 3
        let transfer = try S3Transfer(client: try client(server), options: options)
        let folder = try TemporaryDirectory()
        let result = try transfer.downloadFile(
            bucket: "attacker", key: "../victim/secret.txt", to: folder.path + "/out.bin")
        XCTAssertEqual(result.parts, 3)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out.bin"))), object)
        let ranged = server.requests.filter { $0.header("range") != nil }
        XCTAssertEqual(ranged.count, 3)
        for sent in server.requests {
            XCTAssertEqual(sent.target, "/attacker/../victim/secret.txt", "\(sent.method) \(sent.target)")
            try Self.assertSignatureCovers(sent, baseURL: server.baseURL, key: "../victim/secret.txt")
        }
    }

    /// Checks the request as it arrived the way S3 does: signs again what was received and
    /// compares with its `Authorization` header; the canonical path is the path as sent.
    static func assertSignatureCovers(
        _ sent: TestHTTPServer.Received, baseURL: String, key: String, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let authorization = try XCTUnwrap(sent.header("authorization"), file: file, line: line)
        let fields = authorization.split(separator: " ", maxSplits: 1).last?.split(separator: ",") ?? []
        func field(_ name: String) -> String? {
            fields.lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(name + "=") }
                .map { String($0.dropFirst(name.count + 1)) }
        }
        let signedNames = (field("SignedHeaders") ?? "").split(separator: ";").map(String.init)
        let headers = signedNames.compactMap { name in sent.header(name).map { (name: name, value: $0) } }
        let received = HTTPRequest(
            method: sent.method, url: baseURL + sent.target, headers: headers,
            body: sent.body.isEmpty ? .none : .bytes(sent.body))
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let again = try signer.signed(received, date: signingDate)
        let canonicalPath = again.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1]
        XCTAssertEqual(String(canonicalPath), sent.target, "canonical path for key \(key)", file: file, line: line)
        XCTAssertEqual(field("Signature"), again.signature, "signature for key \(key)", file: file, line: line)
    }
}
