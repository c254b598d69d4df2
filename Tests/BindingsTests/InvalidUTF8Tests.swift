import Host
import XCTest

/// Text that is not UTF-8 is an error naming where it was, never replaced by U+FFFD; string
/// values that are blobs stay byte-exact.
final class InvalidUTF8Tests: XCTestCase {
    private let variables = [
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    ]

    /// The code and message of the error `chunk` raises.
    private func failure(_ chunk: String) throws -> (code: String?, message: String) {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local ok, e = pcall(function() \(chunk) end)
            assert(not ok, "no error")
            if type(e) == "table" then return e.code, e.message end
            return nil, tostring(e)
            """)
        return (result[0].stringValue, result[1].stringValue ?? "")
    }

    func testTableKeysThatAreNotUTF8AreNamedErrors() throws {
        let cases: [(String, [String])] = [
            (#"aws.json.encode({["\xff"] = 1, ["\xfe"] = 2})"#, [#"["\255"]"#, #"["\254"]"#]),
            (#"aws.json.encode({{x = {["a\xffb"] = 1}}})"#, [#"[1].x["a\255b"]"#]),
            (
                #"""
                aws.client("glue"):build_request("create_job", {Name = "j", Role = "r",
                    Command = {Name = "glueetl"}, DefaultArguments = {["--\xff"] = "1", ["--\xfe"] = "2"}})
                """#,
                [#"DefaultArguments["--\255"]"#, #"DefaultArguments["--\254"]"#]
            ),
            (
                #"""
                aws.client("s3"):build_request("put_object", {Bucket = "b", Key = "k",
                    Metadata = {["\xe9t\xe9"] = "summer"}})
                """#,
                [#"Metadata["\233t\233"]"#]
            ),
        ]
        for (chunk, paths) in cases {
            let (code, message) = try failure(chunk)
            XCTAssertEqual(code, "ValidationError", chunk)
            XCTAssertTrue(
                paths.contains { message.contains($0 + ": a table key must be UTF-8 text") }, "\(chunk): \(message)")
        }
    }

    func testAURLOrHeaderHandedToSignMustBeUTF8() throws {
        let sign =
            #"aws.sign{service = "execute-api", region = "us-east-1", "#
            + #"credentials = {access_key_id = "AK", secret_access_key = "SK"}, "#
        let url = try failure(sign + #"url = "https://example.com/a\xffb"}"#)
        XCTAssertEqual(url.code, "ValidationError")
        XCTAssertTrue(url.message.contains("option 'url' must be UTF-8 text"), url.message)
        let value = try failure(sign + #"url = "https://example.com/", headers = {["x-note"] = "\xff"}}"#)
        XCTAssertEqual(value.code, "ValidationError")
        XCTAssertTrue(value.message.contains(#"headers["x-note"]: a header value must be UTF-8 text"#), value.message)
    }

    func testResponseHeadersHandedToParseResponseMustBeUTF8() throws {
        let parse = #"aws.client("s3"):parse_response("head_object", {status = 200, body = "", "#
        let name = try failure(parse + #"headers = {["x-amz-meta-\xff"] = "v"}})"#)
        XCTAssertEqual(name.code, "ValidationError")
        XCTAssertTrue(
            name.message.contains(#"headers["x-amz-meta-\255"]: a header name must be UTF-8 text"#), name.message)
        let value = try failure(parse + #"headers = {["x-amz-meta-a"] = "\xff"}})"#)
        XCTAssertTrue(
            value.message.contains(#"headers["x-amz-meta-a"]: a header value must be UTF-8 text"#), value.message)
    }

    func testAKeyArgumentThatIsNotUTF8IsABadArgument() throws {
        let (_, message) = try failure(#"aws.client("s3"):download_file("b", "k\xff", "/tmp/never")"#)
        XCTAssertTrue(
            message.contains(#"bad argument #3 to 'download_file' (key): UTF-8 text expected, got "k\255""#), message)
    }

    func testStringParametersThatAreNotUTF8AreNamedErrors() throws {
        let (code, message) = try failure(
            #"aws.client("s3"):build_request("put_object", {Bucket = "b", Key = "k\xff", Metadata = {a = "\xfe"}})"#)
        XCTAssertEqual(code, "ValidationError")
        XCTAssertTrue(message.contains("Key: expected string, got binary data (not UTF-8 text)"), message)
        XCTAssertTrue(message.contains("Metadata.a: expected string, got binary data (not UTF-8 text)"), message)
    }

    func testBlobValuesStayByteExact() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            #"""
            local r = aws.client("s3"):build_request("put_object", {Bucket = "b", Key = "k", Body = "\xff\x00\xfe"})
            return r.body
            """#)
        XCTAssertEqual(result.first?.stringBytes, [0xFF, 0x00, 0xFE])
    }
}
