import AWSCore
import Foundation
import TestPrerequisites
import XCTest

/// Signs requests the way gluescript's protocols will build them and compares every step with
/// botocore's signers (run through `Oracles/sigv4_oracle.py`). Skipped when python3 or botocore is missing.
final class SigV4SignerOracleTests: XCTestCase {
    static let oracleScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Oracles/sigv4_oracle.py")

    /// One request, in the form the oracle script reads.
    struct OracleCase: Codable {
        var signer: String
        var method: String
        var url: String
        var headers: [[String]] = []
        var body: String = ""
        var accessKey = "AKIDEXAMPLE"
        var secretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        var token: String? = nil
        var region = "us-east-1"
        var service: String
        var epoch: Int64 = 1_795_653_034
        var expires = 3600
        var unsignedPayload = false
    }

    struct OracleAnswer: Codable {
        var canonicalRequest: String
        var stringToSign: String
        var signature: String
        var url: String
        var headers: [[String]]
    }

    static let sessionToken = "FwoGZXIvYXdzEBYaDH//+example+token/with=padding=="

    static let cases: [OracleCase] = [
        OracleCase(
            signer: "s3", method: "GET",
            url: "https://s3.us-west-2.amazonaws.com/my-bucket/raw//2024/../weather.csv",
            region: "us-west-2", service: "s3"),
        OracleCase(
            signer: "s3", method: "GET",
            url: "https://s3.eu-west-1.amazonaws.com/my-bucket/My%20File%20%C3%A9t%C3%A9%20%E2%98%83.csv",
            headers: [["Range", "bytes=0-99"], ["User-Agent", "gluescript/0.1"]], region: "eu-west-1",
            service: "s3"),
        OracleCase(
            signer: "s3", method: "GET",
            url:
                "https://my-bucket.s3.amazonaws.com/a%2Bb/c%2Fd?versionId=3%2Bx&response-content-type=text%2Fplain",
            token: sessionToken, service: "s3"),
        OracleCase(
            signer: "s3", method: "PUT", url: "https://s3.us-east-2.amazonaws.com/b/raw/part1.csv",
            headers: [
                ["Content-Type", "text/csv"], ["Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="],
                ["x-amz-meta-Owner", "  data   team "], ["Expect", "100-continue"],
            ],
            body: "city,temp\nParis,21\n", token: sessionToken, region: "us-east-2", service: "s3",
            epoch: 1_709_251_199),
        OracleCase(
            signer: "s3", method: "PUT", url: "https://s3.amazonaws.com/b/big.bin", body: "payload",
            service: "s3",
            unsignedPayload: true),
        OracleCase(
            signer: "s3", method: "GET",
            url: "http://127.0.0.1:5000/b/key?list-type=2&prefix=raw%2F&delimiter=%2F",
            service: "s3"),
        OracleCase(
            signer: "v4", method: "POST", url: "https://iam.amazonaws.com/",
            headers: [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
            body: "Action=CreateRole&Version=2010-05-08&RoleName=glue-demo&Path=%2F", service: "iam"),
        OracleCase(
            signer: "v4", method: "POST", url: "https://glue.eu-west-1.amazonaws.com/",
            headers: [
                ["X-Amz-Target", "AWSGlue.CreateCrawler"], ["Content-Type", "application/x-amz-json-1.1"],
                ["User-Agent", "gluescript"], ["X-Amzn-Trace-Id", "Root=1-abc"],
            ],
            body: #"{"Name":"crawler é","Targets":{"S3Targets":[{"Path":"s3://b/raw/"}]}}"#,
            token: sessionToken,
            region: "eu-west-1", service: "glue"),
        OracleCase(
            signer: "v4", method: "GET",
            url:
                "https://abc.execute-api.us-east-1.amazonaws.com/prod/a%20b/./c//d/../e?x=1&a=%20&flag&a=0",
            headers: [["X-Custom", "one"], ["x-custom", "  two   words "]], service: "execute-api"),
        OracleCase(
            signer: "s3-query", method: "GET",
            url: "https://s3.us-west-2.amazonaws.com/my-bucket/odd//key%20%2B%C3%BC.txt",
            token: sessionToken, region: "us-west-2", service: "s3", expires: 900),
        OracleCase(
            signer: "s3-query", method: "PUT",
            url: "https://my-bucket.s3.amazonaws.com/up/part?partNumber=2&uploadId=a.b-c",
            service: "s3", epoch: 1_709_251_199, expires: 604_800),
        OracleCase(
            signer: "v4-query", method: "GET",
            url: "https://sts.eu-central-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
            token: sessionToken, region: "eu-central-1", service: "sts", expires: 60),
        OracleCase(
            signer: "s3", method: "GET", url: "https://s3.amazonaws.com/attacker/../victim/secret.txt",
            service: "s3"),
        OracleCase(signer: "s3", method: "PUT", url: "http://127.0.0.1:5000/attacker/..", body: "x", service: "s3"),
        OracleCase(signer: "s3", method: "GET", url: "https://s3.amazonaws.com/attacker/./a/./b/", service: "s3"),
        OracleCase(
            signer: "s3-query", method: "GET", url: "https://s3.amazonaws.com/attacker/../victim/100%25/.",
            service: "s3"),
    ]

    func testSignaturesMatchBotocore() throws {
        let answers = try Self.askBotocore(Self.cases)
        XCTAssertEqual(answers.count, Self.cases.count)
        for (spec, answer) in zip(Self.cases, answers) {
            let name = "\(spec.signer) \(spec.method) \(spec.url)"
            let mine = try Self.sign(spec)
            XCTAssertEqual(mine.canonicalRequest, answer.canonicalRequest, name)
            XCTAssertEqual(mine.stringToSign, answer.stringToSign, name)
            XCTAssertEqual(mine.signature, answer.signature, name)

            if spec.signer.hasSuffix("-query") {
                let myURL = try AWSURL(parsing: mine.request.url)
                let theirURL = try AWSURL(parsing: answer.url)
                XCTAssertEqual(myURL.hostHeader, theirURL.hostHeader, name)
                XCTAssertEqual(myURL.path, theirURL.path, name)
                XCTAssertEqual(Self.decodedQuery(myURL), Self.decodedQuery(theirURL), name)
            } else {
                XCTAssertEqual(mine.request.url, answer.url, name)
                XCTAssertEqual(
                    Self.headerSet(mine.request.headers),
                    Self.headerSet(answer.headers.map { ($0[0], $0[1]) }), name)
            }
        }
    }

    static func sign(_ spec: OracleCase) throws -> SigningResult {
        var options = SigV4Signer.Options.forService(spec.service)
        options.unsignedPayload = spec.unsignedPayload
        let signer = SigV4Signer(
            credentials: Credentials(
                accessKeyID: spec.accessKey, secretAccessKey: spec.secretKey, sessionToken: spec.token),
            region: spec.region, service: spec.service, options: options)
        let bytes = Array(spec.body.utf8)
        let request = HTTPRequest(
            method: spec.method, url: spec.url, headers: spec.headers.map { ($0[0], $0[1]) },
            body: bytes.isEmpty ? .none : .bytes(bytes))
        let date = Date(timeIntervalSince1970: TimeInterval(spec.epoch))
        if spec.signer.hasSuffix("-query") {
            return try signer.presign(request, expires: spec.expires, date: date)
        }
        return try signer.signed(request, date: date)
    }

    /// Runs the oracle script; skips the test when python3 or botocore cannot be found.
    static func askBotocore(_ cases: [OracleCase]) throws -> [OracleAnswer] {
        // The script reads each body as the latin-1 text of its UTF-8 bytes.
        var utf8Cases = cases
        for index in utf8Cases.indices {
            utf8Cases[index].body = cases[index].body.utf8.map { String(UnicodeScalar($0)) }.joined()
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let input = try encoder.encode(utf8Cases)

        let probe = try run(["python3", "-c", "import botocore"], input: Data())
        guard probe.status == 0 else { throw Prerequisite.missing("python3 with botocore is not available") }
        let result = try run(["python3", oracleScript.path], input: input)
        guard result.status == 0 else {
            XCTFail("the botocore oracle failed: \(String(decoding: result.error, as: UTF8.self))")
            return []
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([OracleAnswer].self, from: result.output)
    }

    static func run(_ arguments: [String], input: Data) throws -> (
        status: Int32, output: Data, error: Data
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Prerequisite.missing("cannot run \(arguments[0]): \(error)")
        }
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, error)
    }

    static func headerSet(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
    }

    static func decodedQuery(_ url: AWSURL) -> [String] {
        url.queryItems.map {
            "\(PercentEncoding.decode($0.name))=\(PercentEncoding.decode($0.value ?? ""))"
        }.sorted()
    }
}
