import XCTest

@testable import Host

/// Completion inside a method call's string argument or table argument.
final class REPLCompletionArgumentsTests: XCTestCase {
    private typealias Context = REPLCompletion.ArgumentContext

    func testAStringArgumentOfAMethodCall() {
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: #"glue:wait("cra"#, word: "cra"),
            Context(receiver: "glue", method: "wait", kind: .string))
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: #"for p in clients.s3:paginate( 'list"#, word: "list"),
            Context(receiver: "clients.s3", method: "paginate", kind: .string))
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: #"x = glue:collect(""#, word: ""),
            Context(receiver: "glue", method: "collect", kind: .string))
    }

    func testATableKeyOfAMethodCall() {
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: "glue:get_table{Da", word: "Da"),
            Context(receiver: "glue", method: "get_table", kind: .table))
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: #"glue:get_table({DatabaseName = "d", Na"#, word: "Na"),
            Context(receiver: "glue", method: "get_table", kind: .table))
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: #"glue:get_table{ DatabaseName = "a,{b", "#, word: ""),
            Context(receiver: "glue", method: "get_table", kind: .table))
    }

    func testAKeyOfATableNestedInTheArgument() {
        XCTAssertEqual(
            REPLCompletion.argumentContext(line: "glue:create_crawler{Targets = {S3Targets = {{Pa", word: "Pa"),
            Context(receiver: "glue", method: "create_crawler", kind: .table, path: ["Targets", "S3Targets", "[]"]))
        XCTAssertEqual(
            REPLCompletion.argumentContext(
                line: #"glue:create_crawler{Name = "c", Targets = {S3Targets = {{Path = "x"}, {Ex"#, word: "Ex"),
            Context(receiver: "glue", method: "create_crawler", kind: .table, path: ["Targets", "S3Targets", "[]"]))
    }

    func testNotAnArgumentPosition() {
        XCTAssertNil(REPLCompletion.argumentContext(line: #"print("hel"#, word: "hel"))
        XCTAssertNil(REPLCompletion.argumentContext(line: #"glue.wait("cr"#, word: "cr"))
        XCTAssertNil(REPLCompletion.argumentContext(line: "glue:get_table{DatabaseName = na", word: "na"))
        XCTAssertNil(REPLCompletion.argumentContext(line: "glue:get_table{Targets = f({Pa", word: "Pa"))
        XCTAssertNil(REPLCompletion.argumentContext(line: "glue:get_table{Targets == {Pa", word: "Pa"))
        XCTAssertNil(REPLCompletion.argumentContext(line: #"glue:wait("a", "b"#, word: "b"))
        XCTAssertNil(REPLCompletion.argumentContext(line: "glue:get_", word: "get_"))
    }

    func testCandidatesComeFromTheObjectsCompleteMetamethod() throws {
        let state = LuaState()
        try state.run(
            """
            obj = setmetatable({}, {__complete = function(self, method, kind)
              if method == nil then return {"wait"} end
              if method == "wait" and kind == "string" then return {"crawler_ready", "crawler_stopped", "job_done"} end
              if method == "get_table" and kind == "table" then return {"DatabaseName", "Name", "CatalogId"} end
              return {}
            end})
            """)
        XCTAssertEqual(
            REPLCompletion.candidates(for: "cra", line: #"obj:wait("cra"#, in: state),
            ["crawler_ready", "crawler_stopped"])
        XCTAssertEqual(REPLCompletion.candidates(for: "Da", line: "obj:get_table{Da", in: state), ["DatabaseName = "])
        XCTAssertEqual(REPLCompletion.candidates(for: "x", line: #"obj:other("x"#, in: state), [])
        XCTAssertEqual(REPLCompletion.candidates(for: "x", line: #"nosuch:wait("x"#, in: state), [])
    }
}
