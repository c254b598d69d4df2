import Host
import XCTest

final class JSONFunctionsTests: XCTestCase {
    func testEncodeSortsKeysAndTellsArraysFromObjects() throws {
        let state = makeState()
        let text = try evaluate(
            state, #"return aws.json.encode({b = {1, 2, "x"}, a = 1, e = {}, f = aws.json.array{}})"#)
        XCTAssertEqual(text, .string(#"{"a":1,"b":[1,2,"x"],"e":{},"f":[]}"#))
    }

    func testDecodeKeepsEmptyArraysArraysOnTheWayBack() throws {
        let state = makeState()
        let text = try evaluate(state, #"return aws.json.encode(aws.json.decode('{"list": [], "obj": {}}'))"#)
        XCTAssertEqual(text, .string(#"{"list":[],"obj":{}}"#))
    }

    func testDecodeUnicodeEscapesAndNumbers() throws {
        let state = makeState()
        let result = try evaluate(
            state,
            #"local v = aws.json.decode[[ ["\u00e9\ud83d\ude00", 9007199254740993, 1.5] ]] return v[1]"#)
        XCTAssertEqual(result, .string("é😀"))
        let all = try state.run(#"local v = aws.json.decode('["x", 9007199254740993, 1.5]') return v[2], v[3]"#)
        XCTAssertEqual(all, [.integer(9_007_199_254_740_993), .number(1.5)])
    }

    func testInvalidJSONRaisesATableErrorWithItsPosition() throws {
        let state = makeState()
        let result = try state.run(
            #"local ok, e = pcall(aws.json.decode, '{"a": 1,\n "b" 2}') return ok, e.code, e.message"#)
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("JSONDecodeError"))
        XCTAssertTrue(result[2].stringValue?.contains("line 2") ?? false, "\(result[2])")
    }

    func testEncodingAFunctionNamesWhereItIs() throws {
        let state = makeState()
        let message = try evaluate(state, "local ok, e = pcall(aws.json.encode, {a = {b = print}}) return e.message")
        XCTAssertTrue(message.stringValue?.contains("a.b") ?? false, "\(message)")
    }

    func testPrettyOutputIsIndented() throws {
        let state = makeState()
        let text = try evaluate(state, "return aws.json.encode({a = {1}}, {pretty = true})")
        XCTAssertEqual(text, .string("{\n  \"a\": [\n    1\n  ]\n}"))
    }

    func testMisspeltOptionIsAnError() throws {
        let state = makeState()
        let message = try evaluate(state, "local ok, e = pcall(aws.json.encode, {}, {prety = true}) return tostring(e)")
        XCTAssertTrue(message.stringValue?.contains("unknown option 'prety'") ?? false, "\(message)")
    }

    func testOptionThatIsNotABooleanIsAnError() throws {
        let state = makeState()
        let message = try evaluate(
            state, "local ok, e = pcall(aws.json.encode, {b = 1, a = 2}, {sort_keys = 'no'}) return tostring(e)")
        XCTAssertEqual(
            message, .string("ValidationError: aws.json.encode: option 'sort_keys' must be a boolean, got string"))
    }
}
