import Crypto
import Foundation
import XCTest

@testable import AWSCore

/// Flexible checksums on the wire: what a request carries, and how an answer is checked.
final class AWSClientChecksumsTests: XCTestCase {
    private func client(_ server: TestHTTPServer, checksums: ChecksumSettings = ChecksumSettings()) throws
        -> AWSClient
    {
        var configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: server.baseURL, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        configuration.checksums = checksums
        return try AWSClient(
            serviceName: "s3", model: try ModelRegistry().model(for: "s3"), configuration: configuration)
    }

    private static let body = Array("hello, checksums".utf8)

    private func put(_ extra: [String: JSONValue] = [:], checksums: ChecksumSettings = ChecksumSettings()) throws
        -> TestHTTPServer.Received
    {
        let server = try TestHTTPServer(replies: [.init(status: 200)])
        defer { server.stop() }
        var input: [String: JSONValue] = ["Bucket": .string("b"), "Key": .string("k"), "Body": .binary(Self.body)]
        input.merge(extra) { $1 }
        _ = try client(server, checksums: checksums).call(
            "PutObject", .object(.init(uniqueKeysWithValues: input.sorted { $0.key < $1.key })))
        return try XCTUnwrap(server.requests.first)
    }

    func testANamedAlgorithmSendsTheBodysChecksum() throws {
        for algorithm in ChecksumAlgorithm.allCases {
            let request = try put(["ChecksumAlgorithm": .string(algorithm.rawValue)])
            XCTAssertEqual(request.header(algorithm.headerName), algorithm.base64(of: Self.body), "\(algorithm)")
            XCTAssertEqual(request.header("x-amz-sdk-checksum-algorithm"), algorithm.rawValue)
            XCTAssertEqual(request.body, Self.body)
        }
    }

    func testOperationsThatSupportAChecksumGetCRC32ByDefault() throws {
        let request = try put()
        XCTAssertEqual(request.header("x-amz-checksum-crc32"), ChecksumAlgorithm.crc32.base64(of: Self.body))
        XCTAssertEqual(request.header("x-amz-sdk-checksum-algorithm"), "CRC32")
        let quiet = try put(checksums: ChecksumSettings(requestCalculation: .whenRequired))
        XCTAssertNil(quiet.header("x-amz-checksum-crc32"))
        XCTAssertNil(quiet.header("x-amz-sdk-checksum-algorithm"))
    }

    /// Over plain http S3 signs the payload's SHA-256: a file body's hash, computed in the
    /// same pass as its checksum, is the region's and goes out in `x-amz-content-sha256`.
    func testAFileBodyOverHTTPCarriesItsRegionsHashAndChecksum() throws {
        let folder = try TemporaryDirectory()
        let content = (0..<2_500_000).map { UInt8(truncatingIfNeeded: $0 &* 7 / 5) }
        let path = try folder.write("part.bin", content)
        let region = Array(content[1_048_577..<2_400_000])
        let server = try TestHTTPServer(replies: [.init(status: 200)])
        defer { server.stop() }
        var options = CallOptions()
        options.requestBody = .file(path: path, offset: 1_048_577, length: UInt64(region.count))
        _ = try client(server).call("PutObject", ["Bucket": "b", "Key": "k"], options: options)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(
            request.header("x-amz-content-sha256"),
            SHA256.hash(data: region).map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(request.header("x-amz-checksum-crc32"), ChecksumAlgorithm.crc32.base64(of: region))
        XCTAssertTrue(request.body == region, "the region's bytes")
    }

    func testAChecksumTheScriptGivesIsSentAsGiven() throws {
        let request = try put(["ChecksumSHA256": .string("c2hhMjU2IGdpdmVuIGJ5IHRoZSBzY3JpcHQgaGVyZSE=")])
        XCTAssertEqual(request.header("x-amz-checksum-sha256"), "c2hhMjU2IGdpdmVuIGJ5IHRoZSBzY3JpcHQgaGVyZSE=")
        XCTAssertNil(request.header("x-amz-checksum-crc32"))
    }

    func testAnOperationThatRequiresAChecksumAlwaysSendsOne() throws {
        let server = try TestHTTPServer(replies: [.init(status: 200, body: "<DeleteResult></DeleteResult>")])
        defer { server.stop() }
        let s3 = try client(server, checksums: ChecksumSettings(requestCalculation: .whenRequired))
        _ = try s3.call(
            "DeleteObjects",
            .object(["Bucket": .string("b"), "Delete": .object(["Objects": .array([.object(["Key": .string("k")])])])]))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.header("x-amz-checksum-crc32"), ChecksumAlgorithm.crc32.base64(of: request.body))
        XCTAssertEqual(request.header("x-amz-sdk-checksum-algorithm"), "CRC32")
    }

    func testAnUnknownAlgorithmIsRefusedBeforeSending() throws {
        XCTAssertThrowsError(try put(["ChecksumAlgorithm": .string("MD4")])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "UnsupportedChecksumAlgorithm")
        }
    }

    private func get(
        replyHeaders: [(String, String)], body: String, status: Int = 200,
        checksums: ChecksumSettings = ChecksumSettings(), to path: String? = nil
    ) throws -> (JSONValue, TestHTTPServer.Received?) {
        let server = try TestHTTPServer(replies: [.init(status: status, headers: replyHeaders, body: body)])
        defer { server.stop() }
        let s3 = try client(server, checksums: checksums)
        let output = try s3.call(
            "GetObject", .object(["Bucket": .string("b"), "Key": .string("k")]),
            options: CallOptions(responseBodyPath: path))
        return (output, server.requests.first)
    }

    func testAnAnswerWithAMatchingChecksumIsAccepted() throws {
        let good = ChecksumAlgorithm.crc32c.base64(of: Array("payload".utf8))
        let (output, request) = try get(replyHeaders: [("x-amz-checksum-crc32c", good)], body: "payload")
        XCTAssertEqual(output["Body"], .binary(Array("payload".utf8)))
        XCTAssertEqual(request?.header("x-amz-checksum-mode"), "ENABLED")
    }

    func testAnAnswerWhoseBodyDoesNotMatchItsChecksumIsAnError() throws {
        let good = ChecksumAlgorithm.sha256.base64(of: Array("payload".utf8))
        XCTAssertThrowsError(try get(replyHeaders: [("x-amz-checksum-sha256", good)], body: "paylaod")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ChecksumMismatch")
        }
    }

    func testTheMostPreferredChecksumIsTheOneChecked() throws {
        let good = ChecksumAlgorithm.crc64nvme.base64(of: Array("payload".utf8))
        let wrongButLessPreferred = ChecksumAlgorithm.sha1.base64(of: Array("other".utf8))
        XCTAssertNoThrow(
            try get(
                replyHeaders: [("x-amz-checksum-sha1", wrongButLessPreferred), ("x-amz-checksum-crc64nvme", good)],
                body: "payload"))
    }

    func testCompositeRangedOrUnaskedChecksumsAreNotChecked() throws {
        XCTAssertNoThrow(try get(replyHeaders: [("x-amz-checksum-crc32", "AAAAAA==-3")], body: "payload"))
        XCTAssertNoThrow(
            try get(
                replyHeaders: [("x-amz-checksum-crc32", "AAAAAA=="), ("Content-Range", "bytes 0-6/100")],
                body: "payload", status: 206))
        let (_, request) = try get(
            replyHeaders: [("x-amz-checksum-crc32", "AAAAAA==")], body: "payload",
            checksums: ChecksumSettings(responseValidation: .whenRequired))
        XCTAssertNil(request?.header("x-amz-checksum-mode"))
    }

    func testADownloadToAFileThatDoesNotMatchLeavesNothingBehind() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path + "/out.bin"
        let good = ChecksumAlgorithm.crc32.base64(of: Array("payload".utf8))
        XCTAssertThrowsError(try get(replyHeaders: [("x-amz-checksum-crc32", good)], body: "PAYLOAD", to: target)) {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "ChecksumMismatch")
        }
        XCTAssertEqual(try folder.contents(), [], "neither the target nor a temporary file is left")
        _ = try get(replyHeaders: [("x-amz-checksum-crc32", good)], body: "payload", to: target)
        XCTAssertEqual(try folder.contents(), ["out.bin"])
    }

    func testPresignedURLsCarryNoDefaultChecksumOrMode() throws {
        let server = try TestHTTPServer(replies: [])
        defer { server.stop() }
        let s3 = try client(server)
        let get = try s3.presign("GetObject", .object(["Bucket": .string("b"), "Key": .string("k")]), expires: 60)
        XCTAssertFalse(get.lowercased().contains("checksum"), get)
        let put = try s3.presign("PutObject", .object(["Bucket": .string("b"), "Key": .string("k")]), expires: 60)
        XCTAssertFalse(put.lowercased().contains("checksum"), put)
    }

    /// The checksum headers botocore puts on the same requests (captured before signing).
    func testChecksumHeadersMatchBotocores() throws {
        let script = """
            import json, botocore.session
            class Stop(Exception): pass
            c = botocore.session.get_session().create_client('s3', region_name='us-east-1',
                endpoint_url='http://127.0.0.1:9', aws_access_key_id='a', aws_secret_access_key='b')
            seen = {}
            def grab(request, **kw):
                seen['h'] = {k.lower(): (v.decode() if isinstance(v, bytes) else v)
                             for k, v in request.headers.items() if 'checksum' in k.lower()}
                raise Stop()
            c.meta.events.register('before-sign.s3.*', grab)
            out = []
            for op, params in [
                ('put_object', {'Bucket': 'b', 'Key': 'k', 'Body': b'hello'}),
                ('put_object', {'Bucket': 'b', 'Key': 'k', 'Body': b'hello', 'ChecksumAlgorithm': 'SHA256'}),
                ('put_object', {'Bucket': 'b', 'Key': 'k', 'Body': b'hello', 'ChecksumAlgorithm': 'SHA1'}),
                ('delete_objects', {'Bucket': 'b', 'Delete': {'Objects': [{'Key': 'k'}]}}),
                ('get_object', {'Bucket': 'b', 'Key': 'k'}),
                ('upload_part', {'Bucket': 'b', 'Key': 'k', 'UploadId': 'u', 'PartNumber': 1, 'Body': b'part'}),
            ]:
                try: getattr(c, op)(**params)
                except Stop: pass
                out.append(seen['h'])
            print(json.dumps(out))
            """
        let expected = try JSONDecoder().decode(
            [[String: String]].self, from: try BotocoreModelOracle.python(["-c", script]))
        let server = try TestHTTPServer(replies: [])
        defer { server.stop() }
        let s3 = try client(server)
        let hello = JSONValue.binary(Array("hello".utf8))
        let inputs: [(String, JSONValue)] = [
            ("PutObject", .object(["Bucket": "b", "Key": "k", "Body": hello])),
            ("PutObject", .object(["Bucket": "b", "Key": "k", "Body": hello, "ChecksumAlgorithm": "SHA256"])),
            ("PutObject", .object(["Bucket": "b", "Key": "k", "Body": hello, "ChecksumAlgorithm": "SHA1"])),
            (
                "DeleteObjects",
                .object(["Bucket": "b", "Delete": .object(["Objects": .array([.object(["Key": "k"])])])])
            ),
            ("GetObject", .object(["Bucket": "b", "Key": "k"])),
            (
                "UploadPart",
                .object([
                    "Bucket": "b", "Key": "k", "UploadId": "u", "PartNumber": 1, "Body": .binary(Array("part".utf8)),
                ])
            ),
        ]
        XCTAssertEqual(expected.count, inputs.count)
        for ((operation, input), wanted) in zip(inputs, expected) {
            let request = try s3.buildRequest(operation, input)
            var headers: [String: String] = [:]
            for (name, value) in request.headers where name.lowercased().contains("checksum") {
                headers[name.lowercased()] = value
            }
            if operation == "DeleteObjects" {
                XCTAssertEqual(Set(headers.keys), Set(wanted.keys), operation)
                XCTAssertEqual(headers["x-amz-checksum-crc32"], try ChecksumAlgorithm.crc32.base64(of: request.body))
            } else {
                XCTAssertEqual(headers, wanted, operation)
            }
        }
    }
}
