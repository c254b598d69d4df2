import AWSCore
import Foundation
import XCTest

/// Runs every case of the aws-c-auth SigV4 suite in `../shared/conformance/sigv4`, signing each
/// request both with an `Authorization` header and as a presigned URL.
final class SigV4SignerConformanceTests: XCTestCase {
    static var suiteFolder: URL {
        get throws { try ConformanceSuite.folder("sigv4") }
    }

    func testEveryCaseSignsWithHeaders() throws {
        let cases = try Self.loadCases()
        for testCase in cases {
            var request = testCase.request
            let result = try testCase.signer.sign(&request, date: testCase.date)
            let name = testCase.name
            XCTAssertEqual(
                result.canonicalRequest, try testCase.expected("header-canonical-request.txt"), name)
            XCTAssertEqual(result.stringToSign, try testCase.expected("header-string-to-sign.txt"), name)
            XCTAssertEqual(result.signature, try testCase.expected("header-signature.txt"), name)

            let expected = try ParsedRequest(text: testCase.expected("header-signed-request.txt"))
            XCTAssertEqual(Self.headerSet(request.headers), Self.headerSet(expected.headers), name)
        }
    }

    func testEveryCasePresigns() throws {
        let cases = try Self.loadCases()
        for testCase in cases {
            let result = try testCase.signer.presign(
                testCase.request, expires: testCase.expires, date: testCase.date)
            let name = testCase.name
            XCTAssertEqual(
                result.canonicalRequest, try testCase.expected("query-canonical-request.txt"), name)
            XCTAssertEqual(result.stringToSign, try testCase.expected("query-string-to-sign.txt"), name)
            XCTAssertEqual(result.signature, try testCase.expected("query-signature.txt"), name)

            let expected = try ParsedRequest(text: testCase.expected("query-signed-request.txt"))
            let expectedURL = try AWSURL(parsing: "https://example.amazonaws.com" + expected.target)
            let signedURL = try AWSURL(parsing: result.request.url)
            XCTAssertEqual(signedURL.path, expectedURL.path, name)
            XCTAssertEqual(Self.querySet(signedURL), Self.querySet(expectedURL), name)
        }
    }

    // MARK: - Suite reading

    struct Case {
        var name: String
        var folder: URL
        var request: HTTPRequest
        var signer: SigV4Signer
        var date: Date
        var expires: Int

        func expected(_ file: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
    }

    /// A request in the suite's raw HTTP form; folded header lines are kept with their line breaks.
    struct ParsedRequest {
        var method: String
        var target: String
        var headers: [(name: String, value: String)] = []
        var body: [UInt8]

        init(text: String) throws {
            var lines = text.components(separatedBy: "\n")
            let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
            guard requestLine.count >= 3 else { throw CocoaError(.fileReadCorruptFile) }
            method = String(requestLine[0])
            target = requestLine[1..<(requestLine.count - 1)].joined(separator: " ")
            var index = 0
            while index < lines.count, !lines[index].isEmpty {
                let line = lines[index]
                if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                    headers[headers.count - 1].value += "\n" + line
                } else if let colon = line.firstIndex(of: ":") {
                    headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
                }
                index += 1
            }
            body = Array(lines.dropFirst(index + 1).joined(separator: "\n").utf8)
        }
    }

    static func loadCases() throws -> [Case] {
        let suiteFolder = try Self.suiteFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)
            .filter {
                FileManager.default.fileExists(
                    atPath: suiteFolder.appendingPathComponent("\($0)/context.json").path)
            }
            .sorted()
        XCTAssertEqual(names.count, 38, "the SigV4 suite at \(suiteFolder.path) should hold 38 cases")
        return try names.map { name in
            let folder = suiteFolder.appendingPathComponent(name)
            let contextData = try Data(contentsOf: folder.appendingPathComponent("context.json"))
            guard let context = try JSONSerialization.jsonObject(with: contextData) as? [String: Any],
                let credentials = context["credentials"] as? [String: String],
                let region = context["region"] as? String, let service = context["service"] as? String,
                let timestamp = context["timestamp"] as? String,
                let date = ISO8601DateFormatter().date(from: timestamp)
            else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: folder.path]) }

            let raw = try ParsedRequest(
                text: String(contentsOf: folder.appendingPathComponent("request.txt"), encoding: .utf8))
            let host =
                raw.headers.first { $0.name.lowercased() == "host" }?.value ?? "example.amazonaws.com"
            let request = HTTPRequest(
                method: raw.method, url: "https://\(host)\(raw.target)", headers: raw.headers,
                body: raw.body.isEmpty ? .none : .bytes(raw.body))
            let options = SigV4Signer.Options(
                normalizePath: context["normalize"] as? Bool ?? true,
                signBody: context["sign_body"] as? Bool ?? false,
                omitSessionToken: context["omit_session_token"] as? Bool ?? false)
            let signer = SigV4Signer(
                credentials: Credentials(
                    accessKeyID: credentials["access_key_id"] ?? "",
                    secretAccessKey: credentials["secret_access_key"] ?? "",
                    sessionToken: credentials["token"]),
                region: region, service: service, options: options)
            return Case(
                name: name, folder: folder, request: request, signer: signer, date: date,
                expires: context["expiration_in_seconds"] as? Int ?? 3600)
        }
    }

    static func headerSet(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
    }

    static func querySet(_ url: AWSURL) -> [String] {
        url.queryItems.map {
            "\(PercentEncoding.decode($0.name))=\(PercentEncoding.decode($0.value ?? ""))"
        }.sorted()
    }
}
