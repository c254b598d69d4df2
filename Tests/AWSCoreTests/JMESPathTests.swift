import AWSCore
import XCTest

final class JMESPathTests: XCTestCase {
    private func json(_ text: String) throws -> JSONValue { try JSONDecoding.decode(text) }

    private func error(
        _ expression: String, _ data: JSONValue = .null, file: StaticString = #filePath,
        line: UInt = #line
    ) -> AWSError? {
        do {
            let result = try JMESPath.search(expression, data)
            XCTFail("\(expression) gave \(result), expected an error", file: file, line: line)
        } catch let error as AWSError {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return nil
    }

    func testCompiledExpressionIsReusable() throws {
        let expression = try JMESPath.compile("Crawler.State")
        XCTAssertEqual(expression.source, "Crawler.State")
        XCTAssertEqual(
            try expression.search(json(#"{"Crawler":{"State":"RUNNING"}}"#)), .string("RUNNING"))
        XCTAssertEqual(try expression.search(json(#"{"Crawler":{"State":"READY"}}"#)), .string("READY"))
        XCTAssertEqual(try expression.search(json("[]")), .null)
    }

    func testWaiterAndPaginatorShapedExpressions() throws {
        let page = try json(
            #"{"Contents":[{"Key":"a","Size":1},{"Key":"b","Size":2.5}],"IsTruncated":true,"#
                + #""JobRuns":[{"JobRunState":"SUCCEEDED"},{"JobRunState":"FAILED"}]}"#)
        XCTAssertEqual(
            try JMESPath.search("Contents[].Key", page), .array([.string("a"), .string("b")]))
        XCTAssertEqual(try JMESPath.search("sum(Contents[].Size)", page), .double(3.5))
        XCTAssertEqual(try JMESPath.search("length(Contents[]) > `0`", page), .bool(true))
        XCTAssertEqual(
            try JMESPath.search("JobRuns[?JobRunState=='FAILED'] | length(@)", page), .integer(1))
        XCTAssertEqual(
            try JMESPath.search("{keys: Contents[*].Key, more: IsTruncated}", page),
            try json(#"{"keys":["a","b"],"more":true}"#))
        XCTAssertEqual(try JMESPath.search("sort_by(Contents, &Size)[-1].Key", page), .string("b"))
    }

    func testEqualityFollowsTheSpecification() throws {
        let data = try json(#"{"i":1,"d":1.0,"a":{"x":1,"y":[2]},"b":{"y":[2.0],"x":1}}"#)
        XCTAssertEqual(try JMESPath.search("i == d", data), .bool(true))
        XCTAssertEqual(try JMESPath.search("a == b", data), .bool(true))
        XCTAssertEqual(try JMESPath.search("a != b", data), .bool(false))
        XCTAssertTrue(JSONValue.string("é").jmesPathEquals(.string("é")))
        XCTAssertFalse(JSONValue.string("\u{E9}").jmesPathEquals(.string("e\u{301}")))
        XCTAssertFalse(JSONValue.bool(true).jmesPathEquals(.integer(1)))
    }

    func testBinaryBehavesAsAString() throws {
        let data = JSONValue.object(["blob": .binary(Array("abc".utf8))])
        XCTAssertEqual(try JMESPath.search("type(blob)", data), .string("string"))
        XCTAssertEqual(try JMESPath.search("length(blob)", data), .integer(3))
        XCTAssertEqual(try JMESPath.search("blob == 'abc'", data), .bool(true))
        XCTAssertEqual(try JMESPath.search("starts_with(blob, 'ab')", data), .bool(true))
    }

    func testSyntaxErrorsNameTheColumnAndWhatWasFound() {
        let dangling = error("foo.]")
        XCTAssertEqual(dangling?.code, "JMESPathSyntaxError")
        XCTAssertEqual(
            dangling?.message,
            "expected an identifier, '*', '[' or '{' after '.', found ']' at column 5 in \"foo.]\"")
        XCTAssertEqual(
            error("a == ")?.message,
            "expected an expression, found end of expression at column 6 in \"a == \"")
        XCTAssertEqual(
            error("foo[bar]")?.message,
            "expected '*', a number or ':', found identifier 'bar' at column 5 in \"foo[bar]\"")
        XCTAssertEqual(
            error("a = b")?.message, "found '=' (did you mean '=='?) at column 3 in \"a = b\"")
        XCTAssertEqual(error("`{bad`")?.code, "JMESPathSyntaxError")
        XCTAssertTrue(error("'open")?.message.contains("unterminated raw string at column 1") ?? false)
    }

    func testFunctionErrorsAreFoundWhenCompiling() throws {
        XCTAssertThrowsError(try JMESPath.compile("nope(@)")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JMESPathUnknownFunction")
            XCTAssertEqual(
                (error as? AWSError)?.message, "unknown function nope() at column 1 in \"nope(@)\"")
        }
        XCTAssertThrowsError(try JMESPath.compile("length(a, b)")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JMESPathInvalidArity")
            XCTAssertEqual(
                (error as? AWSError)?.message, "length() takes 1 argument, got 2 in \"length(a, b)\"")
        }
        XCTAssertEqual(error("merge()")?.code, "JMESPathInvalidArity")
        XCTAssertEqual(error("[1:2:0]")?.code, "JMESPathInvalidValue")
    }

    func testTypeErrorsNameTheFunctionAndArgument() throws {
        let failure = error("abs(name)", try json(#"{"name":"x"}"#))
        XCTAssertEqual(failure?.code, "JMESPathInvalidType")
        XCTAssertEqual(failure?.message, "abs() expected argument 1 to be a number, got string")
        XCTAssertEqual(
            error("sort_by(@, &a)", try json(#"[{"a":1},{"a":"x"}]"#))?.message,
            "sort_by() expected the expression to give a number like the first element's, got string")
        XCTAssertEqual(error("sort(@)", try json(#"[1,"a"]"#))?.code, "JMESPathInvalidType")
    }

    func testNumbersKeepTheirKind() throws {
        XCTAssertEqual(try JMESPath.search("abs(`-3`)", .null), .integer(3))
        XCTAssertEqual(try JMESPath.search("ceil(`1.2`)", .null), .integer(2))
        XCTAssertEqual(try JMESPath.search("sum(`[1, 2]`)", .null), .integer(3))
        XCTAssertEqual(try JMESPath.search("to_number('9223372036854775807')", .null), .integer(.max))
        XCTAssertEqual(try JMESPath.search("to_string(`[1, 2.5]`)", .null), .string("[1,2.5]"))
        XCTAssertEqual(try JMESPath.search("to_number('nan')", .null), .null)
        XCTAssertEqual(try JMESPath.search("to_number('0x1p3')", .null), .null)
        XCTAssertEqual(try JMESPath.search("to_number('-2.5e1')", .null), .double(-25))
    }

    func testHostileExpressionsAreErrorsNotCrashes() {
        let parens = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        XCTAssertEqual(error(parens)?.code, "JMESPathSyntaxError")
        let chain = Array(repeating: "a", count: 20_000).joined(separator: ".")
        XCTAssertTrue(error(chain)?.message.contains("longer than 4096 tokens") ?? false)
        let ors = Array(repeating: "a", count: 150).joined(separator: " || ")
        XCTAssertTrue(error(ors)?.message.contains("nested deeper than 100 levels") ?? false)
    }

    func testLongChainsAndPipesWork() throws {
        let chain = Array(repeating: "a", count: 1000).joined(separator: ".")
        var data = JSONValue.string("bottom")
        for _ in 0..<1000 { data = .object(["a": data]) }
        XCTAssertEqual(try JMESPath.search(chain, data), .string("bottom"))
        let pipes = Array(repeating: "a", count: 1000).joined(separator: " | ")
        XCTAssertEqual(try JMESPath.search(pipes, data), .string("bottom"))
    }
}
