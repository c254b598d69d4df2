import Host
import XCTest

/// `build_request`, `parse_response` and `operations`: a client's wire, inspectable from Lua.
final class LuaClientBuiltinsTests: XCTestCase {
    private let variables = [
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    ]

    func testBuildRequestIsSignedAndUnsent() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local r = aws.client("glue"):build_request("get_databases", {MaxResults = 5})
            return r.method, r.url, r.headers["X-Amz-Target"], r.headers.Authorization, r.body
            """)
        XCTAssertEqual(result[0], .string("POST"))
        XCTAssertEqual(result[1], .string("https://glue.eu-west-1.amazonaws.com/"))
        XCTAssertEqual(result[2], .string("AWSGlue.GetDatabases"))
        XCTAssertTrue(result[3].stringValue?.contains("/eu-west-1/glue/aws4_request") ?? false, "\(result[3])")
        XCTAssertEqual(result[4], .string(#"{"MaxResults":5}"#))
    }

    func testIAMIsGlobalAndSignedForUSEast1() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            "local r = aws.client('iam'):build_request('list_roles', {}) return r.url, r.headers.Authorization, r.body")
        XCTAssertEqual(result[0], .string("https://iam.amazonaws.com/"))
        XCTAssertTrue(result[1].stringValue?.contains("/us-east-1/iam/aws4_request") ?? false)
        XCTAssertEqual(result[2], .string("Action=ListRoles&Version=2010-05-08"))
    }

    func testBuildRequestShowsTheHeadersTheTransportAdds() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local r = aws.client('iam'):build_request('list_roles', {})
            return r.headers['Content-Length'], tostring(#r.body), r.headers.Host, r.headers['User-Agent']
            """)
        XCTAssertEqual(result[0], result[1])
        XCTAssertEqual(result[2], .string("iam.amazonaws.com"))
        XCTAssertNotNil(result[3].stringValue)
    }

    func testParseResponseReturnsWhatACallWouldReturn() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local out = aws.client("glue"):parse_response("get_databases", {status = 200, headers = {},
              body = '{"DatabaseList": [{"Name": "raw", "CreateTime": 1700000000.5}]}'})
            return out.DatabaseList[1].Name, out.DatabaseList[1].CreateTime
            """)
        XCTAssertEqual(result, [.string("raw"), .string("2023-11-14T22:13:20.500Z")], "milliseconds are kept")
    }

    func testParseResponseRaisesTheServiceError() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local glue = aws.client("glue")
            local ok, e = pcall(glue.parse_response, glue, "get_crawler", {status = 400,
              headers = {["x-amzn-requestid"] = "abc"},
              body = '{"__type": "com.amazonaws.glue#EntityNotFoundException:http://x", "Message": "no crawler"}'})
            return ok, e.code, e.message, e.status, e.operation
            """)
        XCTAssertEqual(
            result,
            [
                .boolean(false), .string("EntityNotFoundException"), .string("no crawler"), .integer(400),
                .string("GetCrawler"),
            ])
    }

    func testParseResponseRefusesAResponseTableItCannotMean() throws {
        let state = makeState(variables: variables)
        let cases = [
            ("{status = 0}", "parse_response: status must be an HTTP status, 100 to 599, got 0"),
            ("{status = 2^40}", "parse_response: status must be an HTTP status, 100 to 599, got 1099511627776"),
            ("{status = 200, body = {}}", "parse_response: body must be a string, got table"),
            ("{status = 200, headers = {'x'}}", "parse_response: headers must map names to strings, not be a list"),
        ]
        for (response, expected) in cases {
            let message = try evaluate(
                state,
                "local g = aws.client('glue') local ok, e = pcall(g.parse_response, g, 'get_databases', \(response)) "
                    + "return tostring(e)")
            XCTAssertEqual(message, .string("ValidationError: " + expected), response)
        }
    }

    func testOperationsListsEveryMethodAndUnknownNamesSuggest() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local glue = aws.client("glue")
            local ops = glue:operations()
            local ok, e = pcall(function() return glue.get_databse end)
            return #ops, ops[1], e.code, e.message
            """)
        XCTAssertGreaterThan(result[0].integerValue ?? 0, 250)
        XCTAssertEqual(result[1], .string("batch_create_partition"))
        XCTAssertEqual(result[2], .string("UnknownOperation"))
        XCTAssertTrue(result[3].stringValue?.contains("did you mean get_database?") ?? false, "\(result[3])")
    }

    func testMissingRegionSaysWhereItLooked() throws {
        let state = makeState(variables: ["AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run("local ok, e = pcall(aws.client, 'glue') return e.code, e.message")
        XCTAssertEqual(result[0], .string("NoRegion"))
        XCTAssertTrue(result[1].stringValue?.contains("AWS_REGION") ?? false, "\(result[1])")
    }
}
