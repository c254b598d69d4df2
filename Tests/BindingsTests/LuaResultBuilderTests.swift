import AWSCore
import Host
import XCTest

@testable import Bindings

/// Answers built as Lua tables while they are read (`LuaResultBuilder`) against the way they
/// were built before: a `JSONValue` made into a `LuaValue` (`toLua`) and then pushed. Both
/// must give equal tables, with the same marks on empty arrays and the same nulls.
final class LuaResultBuilderTests: XCTestCase {
    private let variables = [
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    ]

    /// Lua's view of both ways for each body: true when they are equal, or the difference.
    private func assertSameBothWays(
        _ operation: String, _ bodies: [String], file: StaticString = #filePath, line: UInt = #line
    )
        throws
    {
        let state = makeState(variables: variables)
        let model = try ModelRegistry().model(for: "glue")
        let glue = JSONProtocol(metadata: model.metadata)
        let operationModel = try XCTUnwrap(model.operations[operation])
        for body in bodies {
            let response = HTTPResponse(status: 200, headers: [("x-amzn-RequestId", "r-1")], body: Array(body.utf8))
            state.setGlobal("expected", try glue.parseResponse(response, for: operationModel).toLua())
            state.setGlobal("body", .string(body))
            let result = try state.run(
                """
                local function same(a, b, path)
                  if type(a) ~= type(b) then return path .. ": " .. type(a) .. " vs " .. type(b) end
                  if type(a) ~= "table" then
                    return rawequal(a, b) or (path .. ": " .. tostring(a) .. " vs " .. tostring(b))
                  end
                  local ma, mb = getmetatable(a), getmetatable(b)
                  if (ma and ma.__name) ~= (mb and mb.__name) then return path .. ": metatables differ" end
                  for k, v in pairs(a) do
                    local r = same(v, b[k], path .. "." .. tostring(k))
                    if r ~= true then return r end
                  end
                  for k in pairs(b) do
                    if a[k] == nil then return path .. "." .. tostring(k) .. ": missing" end
                  end
                  return true
                end
                local glue = aws.client("glue")
                local got = glue:parse_response("\(OperationName.pythonic(operation))", {status = 200,
                  headers = {["x-amzn-RequestId"] = "r-1"}, body = body})
                return same(got, expected, "result")
                """, name: "=test")
            XCTAssertEqual(result, [.boolean(true)], body, file: file, line: line)
        }
    }

    func testTablesAreTheSameBothWays() throws {
        try assertSameBothWays(
            "GetTable",
            [
                #"{"Table": {"Name": "t", "Parameters": {}, "PartitionKeys": [], "StorageDescriptor": {"Columns": [{"Name": "a"}]}}}"#,
                #"{"Table": {"Name": "\ud83d\ude00 é", "CreateTime": 1700000000.5, "Retention": "3", "Unknown": [null]}}"#,
                #"{"Table": {"Parameters": {"a": null, "b": "x", "b": null}, "PartitionKeys": [null, {"Name": "p"}]}}"#,
                #"{"Table": {"Name": [1, null, [], {}, {"k": null, "j": [null]}], "StorageDescriptor": "text"}}"#,
                #"{"Table": {"Name": "first", "Name": null, "DatabaseName": "d", "DatabaseName": "e"}}"#,
                #"{"Table": null}"#, "", "{}",
            ])
        let many = (0..<150).map { #""k\#($0 % 100)": "\#($0)""# }.joined(separator: ", ")
        let nulls = (0..<80).map { #""n\#($0)": \#($0 % 3 == 0 ? "null" : "{}")"# }.joined(separator: ", ")
        try assertSameBothWays(
            "GetTable",
            [
                #"{"Table": {"Parameters": {\#(many), "k5": null}, "Unknown": {\#(many)}, "Name": {\#(nulls)}}}"#,
                #"{"Table": {"Name": "a", "Name": "b", "Name": "c", "Name": "d", "Name": "e", "Name": "f", "Name": "g", "#
                    + String(repeating: #""Retention": 1, "#, count: 70) + #""Retention": null, "Owner": "o"}}"#,
            ])
        try assertSameBothWays(
            "GetTables",
            [#"{"TableList": [], "NextToken": "n"}"#, #"{"TableList": {"a": []}}"#, #"{"TableList": [null]}"#])
    }

    func testAnAnswerThatFailsMidwayLeavesTheStackAsItWas() throws {
        let state = makeState(variables: variables)
        let result = try state.run(
            """
            local glue = aws.client("glue")
            local results = table.pack(pcall(glue.parse_response, glue, "get_table", {status = 200, headers = {},
              body = '{"Table": {"Name": "t", "Parameters": {"a": "b"}, "PartitionKeys": [{"Name": "p"},'}))
            return results.n, results[1], results[2].code, results[2].message
            """, name: "=test")
        XCTAssertEqual(result.count, 4)
        XCTAssertEqual(Array(result.prefix(3)), [.integer(2), .boolean(false), .string("InvalidResponse")])
        XCTAssertEqual(
            result.last?.stringValue,
            "the response to GetTable is not valid JSON: expected a JSON value, found end of input at line 1, column 83 (byte 82)"
        )
    }
}
