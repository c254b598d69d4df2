import Host
import XCTest

/// The `aws` module under a script that gave numbers, strings, booleans, nil, its tables and
/// the registry metatables whose every event raises: each function gives the right answer
/// or a catchable error, and none runs the script's metamethods.
final class HostileMetatableTests: XCTestCase {
    private static let prelude = """
        local function boom() error("boom", 0) end
        function hostile_metatable()
          local mt = {__name = {}}
          for _, event in ipairs{"__index", "__newindex", "__len", "__pairs", "__tostring", "__eq",
            "__lt", "__le", "__concat", "__call", "__add", "__unm", "__close"} do
            mt[event] = boom
          end
          return mt
        end
        function hostile(t) return setmetatable(t, hostile_metatable()) end
        for _, value in ipairs{0, "", true} do debug.setmetatable(value, hostile_metatable()) end
        debug.setmetatable(nil, hostile_metatable())
        debug.setmetatable(debug.getregistry(), hostile_metatable())
        """

    private func hostileState() throws -> LuaState {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        try state.run(HostileMetatableTests.prelude)
        return state
    }

    func testInspectFormatsNumbersWithoutTheirMetatable() throws {
        let state = try hostileState()
        XCTAssertEqual(try evaluate(state, "return aws.inspect({1, 2})"), "{ 1, 2 }")
        XCTAssertEqual(
            try evaluate(state, "return aws.inspect(hostile{2.5, 3.0, 'x', true, k = hostile{}})"),
            "{ 2.5, 3.0, \"x\", true, k = {} }")
    }

    func testJSONEncodesHostileTablesByTheirContents() throws {
        let state = try hostileState()
        XCTAssertEqual(
            try evaluate(state, "return aws.json.encode(hostile{a = hostile{1, 2.5, true}, b = 'x'})"),
            #"{"a":[1,2.5,true],"b":"x"}"#)
        XCTAssertEqual(try evaluate(state, "return aws.json.decode('[1, {\"k\": 2}]')[2].k"), 2)
    }

    func testSearchReadsHostileTablesRaw() throws {
        let state = try hostileState()
        XCTAssertEqual(
            try evaluate(
                state, "return aws.search('items[?n > `1`].n | [0]', hostile{items = hostile{{n = 1}, {n = 2}}})"),
            2)
    }

    func testClientsTakeHostileTablesAsInput() throws {
        let state = try hostileState()
        let results = try state.run(
            """
            local glue = aws.client("glue")
            local r = glue:build_request("get_tables", hostile{DatabaseName = "db", MaxResults = 5})
            local ok, err = pcall(glue.get_tables, glue, hostile{DatabaseName = 7})
            return rawget(r, "body"), ok, rawget(err, "code")
            """)
        XCTAssertEqual(results[0], .string(#"{"DatabaseName":"db","MaxResults":5}"#))
        XCTAssertEqual(results[1], false)
        XCTAssertEqual(results[2], "ValidationError")
    }

    func testHelpPrintsThroughAHostilePrintAsACatchableError() throws {
        let state = try hostileState()
        let results = try state.run(
            """
            local shown = {}
            print = function(text) shown[#shown + 1] = text end
            help(); help(aws.client("glue")); help(aws.client("glue").get_tables)
            print = function() error(hostile{code = "PrintFailed"}) end
            local ok, err = pcall(help)
            return #shown, ok, rawget(err, "code")
            """)
        XCTAssertEqual(results, [3, false, "PrintFailed"])
    }
}
