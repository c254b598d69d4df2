import Foundation
import Host
import TestPrerequisites
import XCTest

final class SignFunctionTests: XCTestCase {
    private let credentials = """
        credentials = {access_key_id = "AKIDEXAMPLE", secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
        """

    /// The conformance suite's `get-vanilla` case, signed from Lua.
    func testHeaderSignatureMatchesTheConformanceSuite() throws {
        let expected = try String(contentsOfFile: try conformance("get-vanilla/header-signature.txt"), encoding: .utf8)
        let state = makeState()
        let result = try state.run(
            """
            local r = aws.sign{method = "GET", url = "https://example.amazonaws.com/", service = "service",
                region = "us-east-1", time = "2015-08-30T12:36:00Z", \(credentials)}
            return r.signature, r.headers.Authorization, r.string_to_sign
            """)
        XCTAssertEqual(result[0], .string(expected.trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertTrue(result[1].stringValue?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/") ?? false)
        XCTAssertTrue(result[2].stringValue?.hasPrefix("AWS4-HMAC-SHA256\n20150830T123600Z\n") ?? false)
    }

    func testExpiresMakesAPresignedURL() throws {
        let state = makeState()
        let url = try evaluate(
            state,
            """
            return aws.sign{url = "https://examplebucket.s3.amazonaws.com/test.txt", service = "s3",
                region = "us-east-1", time = 1440938160, expires = 86400, \(credentials)}.url
            """)
        let text = try XCTUnwrap(url.stringValue)
        XCTAssertTrue(text.contains("X-Amz-Expires=86400"), text)
        XCTAssertTrue(text.contains("X-Amz-Signature="), text)
        XCTAssertTrue(text.contains("X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"), text)
    }

    func testCredentialsAndRegionComeFromTheEnvironmentWhenNotGiven() throws {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_REGION": "eu-west-1",
        ])
        let header = try evaluate(
            state,
            #"return aws.sign{url = "https://glue.eu-west-1.amazonaws.com/", service = "glue"}.headers.Authorization"#)
        XCTAssertTrue(header.stringValue?.contains("Credential=AKIDENV/") ?? false, "\(header)")
        XCTAssertTrue(header.stringValue?.contains("/eu-west-1/glue/aws4_request") ?? false, "\(header)")
    }

    func testMissingURLAndBadTimeAreNamed() throws {
        let state = makeState()
        let missing = try evaluate(state, #"local ok, e = pcall(aws.sign, {service = "s3"}) return e.message"#)
        XCTAssertTrue(missing.stringValue?.contains("'url' is required") ?? false, "\(missing)")
        let badTime = try evaluate(
            state,
            #"local ok, e = pcall(aws.sign, {url = "https://x/", service = "s3", region = "us-east-1", time = "yesterday", \#(credentials)}) return e.message"#
        )
        XCTAssertTrue(badTime.stringValue?.contains("'time'") ?? false, "\(badTime)")
    }

    func testEpochTimeOutsideTheYearsAWSKnowsIsNamed() throws {
        let state = makeState()
        let message = try evaluate(
            state,
            #"local ok, e = pcall(aws.sign, {url = "https://x/", service = "s3", region = "us-east-1", time = 1e300, \#(credentials)}) return e.message"#
        )
        XCTAssertEqual(
            message, .string("aws.sign: option 'time' must be epoch seconds of the years 1 to 9999, got 1e+300"))
    }

    func testHeadersThatCannotBeSentAndOddMethodsAreRefused() throws {
        let state = makeState()
        let result = try state.run(
            """
            local base = {url = "https://x.example/", service = "s", region = "r", \(credentials)}
            local function with(k, v) local t = {} for a, b in pairs(base) do t[a] = b end t[k] = v return t end
            local ok1, e1 = pcall(aws.sign, with("headers", {["X-A"] = "1\\r\\nX-B: 2"}))
            local ok2, e2 = pcall(aws.sign, with("method", "G T"))
            local ok3, e3 = pcall(aws.sign, with("region", ""))
            return e1.code, e2.code, e3.code
            """)
        XCTAssertEqual(result, [.string("ValidationError"), .string("ValidationError"), .string("ValidationError")])
    }

    /// A file of the SigV4 conformance suite (`$GLUESCRIPT_CONFORMANCE`, else beside the package).
    private func conformance(_ file: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = ProcessInfo.processInfo.environment["GLUESCRIPT_CONFORMANCE"] ?? root.path + "/../shared/conformance"
        let path = base + "/sigv4/" + file
        guard FileManager.default.fileExists(atPath: path) else {
            throw Prerequisite.missing("no SigV4 conformance suite at \(base)")
        }
        return path
    }
}
