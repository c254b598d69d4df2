import Host
import XCTest

/// `aws.json.null`: JSON's null where Lua's nil cannot stand.
final class JSONNullTests: XCTestCase {
    func testNullsInsideArraysRoundTrip() throws {
        let state = makeState()
        let result = try state.run(
            """
            local t = aws.json.decode('[1,null,3]')
            return aws.json.encode(t), #t, t[2] == aws.json.null, tostring(t[2])
            """)
        XCTAssertEqual(result, [.string("[1,null,3]"), .integer(3), .boolean(true), .string("null")])
    }

    func testNullMembersOfDecodedDocumentsAreKept() throws {
        let state = makeState()
        let result = try state.run(
            """
            local t = aws.json.decode('{"a":null,"b":{"c":[null]},"d":[]}')
            return aws.json.encode(t), t.a == aws.json.null
            """)
        XCTAssertEqual(result, [.string(#"{"a":null,"b":{"c":[null]},"d":[]}"#), .boolean(true)])
    }

    func testAScriptBuildsNullsWithTheSentinel() throws {
        let state = makeState()
        let text = try evaluate(state, "return aws.json.encode({aws.json.null, x = nil, 2})")
        XCTAssertEqual(text, .string("[null,2]"))
        let member = try evaluate(state, "return aws.json.encode({k = aws.json.null})")
        XCTAssertEqual(member, .string(#"{"k":null}"#))
    }

    func testSearchKeepsNullsInProjectionsAndMultiselects() throws {
        let state = makeState()
        let result = try state.run(
            """
            local data = aws.json.decode('{"a":[{"b":1},{"b":null},{"c":2}]}')
            return aws.json.encode(aws.search("a[*].[b]", data)), aws.json.encode(aws.search("{x: a[1].b, y: a[0].b}", data)),
              aws.search("a[1].b", data) == nil
            """)
        XCTAssertEqual(
            result, [.string("[[1],[null],[null]]"), .string(#"{"x":null,"y":1}"#), .boolean(true)])
    }

    func testResultsOfCallsStillLeaveNullMembersOut() throws {
        let state = makeState(variables: [
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b",
        ])
        let result = try state.run(
            """
            local out = aws.client("glue"):parse_response("get_databases", {status = 200, headers = {},
              body = '{"DatabaseList": [{"Name": "raw", "Description": null}], "NextToken": null}'})
            local keys = {}
            for k in pairs(out.DatabaseList[1]) do keys[#keys + 1] = k end
            return table.concat(keys, ","), out.NextToken == nil
            """)
        XCTAssertEqual(result, [.string("Name"), .boolean(true)])
    }
}
