import AWSCore
import Foundation
import XCTest

final class JSONDecodingTests: XCTestCase {
    private func decodeError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> AWSError?
    {
        do {
            let value = try JSONDecoding.decode(text)
            XCTFail("expected an error, got \(value)", file: file, line: line)
            return nil
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "JSONDecodeError", file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testScalars() throws {
        XCTAssertEqual(try JSONDecoding.decode("null"), .null)
        XCTAssertEqual(try JSONDecoding.decode(" true "), .bool(true))
        XCTAssertEqual(try JSONDecoding.decode("\tfalse\n"), .bool(false))
        XCTAssertEqual(try JSONDecoding.decode("\"hi\""), .string("hi"))
        XCTAssertEqual(try JSONDecoding.decode("-0"), .integer(0))
        XCTAssertEqual(try JSONDecoding.decode("42"), .integer(42))
        XCTAssertEqual(try JSONDecoding.decode("1.5"), .double(1.5))
        XCTAssertEqual(try JSONDecoding.decode("-2.5E-3"), .double(-0.0025))
        XCTAssertEqual(try JSONDecoding.decode("1e2"), .double(100))
    }

    func testInt64LimitsStayIntegersAndBeyondBecomeDoubles() throws {
        XCTAssertEqual(try JSONDecoding.decode("9223372036854775807"), .integer(Int64.max))
        XCTAssertEqual(try JSONDecoding.decode("-9223372036854775808"), .integer(Int64.min))
        XCTAssertEqual(try JSONDecoding.decode("9223372036854775808"), .double(9223372036854775808.0))
        XCTAssertEqual(try JSONDecoding.decode("-9223372036854775809"), .double(-9223372036854775809.0))
        XCTAssertEqual(try JSONDecoding.decode("100000000000000000000000"), .double(1e23))
    }

    func testObjectsKeepKeyOrderAndLastDuplicateWins() throws {
        let value = try JSONDecoding.decode(#"{"z": 1, "a": [true, null], "m": {}, "z": 3}"#)
        guard case .object(let members) = value else { return XCTFail("not an object: \(value)") }
        XCTAssertEqual(Array(members.keys), ["z", "a", "m"])
        XCTAssertEqual(members["z"], .integer(3))
        XCTAssertEqual(members["a"], .array([.bool(true), .null]))
        XCTAssertEqual(members["m"], .object([:]))
    }

    func testEscapesAndSurrogatePairs() throws {
        XCTAssertEqual(
            try JSONDecoding.decode(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        XCTAssertEqual(try JSONDecoding.decode(#""\u00e9\u4E2D""#), .string("é中"))
        XCTAssertEqual(try JSONDecoding.decode(#""\ud83d\ude00!""#), .string("😀!"))
        XCTAssertEqual(try JSONDecoding.decode("\"naïve ☃ 😀\""), .string("naïve ☃ 😀"))
        XCTAssertEqual(try JSONDecoding.decode(#""\u0000""#), .string("\u{0}"))
    }

    func testLoneSurrogatesAreErrors() {
        XCTAssertTrue(decodeError(#""\ud83d""#)?.message.contains("low surrogate") ?? false)
        XCTAssertTrue(decodeError(#""\ud83dx""#)?.message.contains("low surrogate") ?? false)
        XCTAssertTrue(decodeError(#""\ud83d\u0041""#)?.message.contains("low surrogate") ?? false)
        XCTAssertTrue(decodeError(#""\ude00""#)?.message.contains("high surrogate") ?? false)
    }

    func testInvalidUTF8IsAnError() {
        XCTAssertThrowsError(try JSONDecoding.decode([0x22, 0xC3, 0x28, 0x22])) { error in
            XCTAssertTrue((error as? AWSError)?.message.contains("UTF-8") ?? false, "\(error)")
        }
    }

    func testRejectsWhatRFC8259Rejects() {
        for text in [
            "", " ", "01", "1.", ".5", "+1", "-", "1e", "1e+", "NaN", "Infinity", "tru", "nul",
            "[1,]", "[1 2]", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "'x'", "\"tab\there\"",
            "\"\\x\"", "\"\\u12G4\"", "\"open", "[", "{", "1 2", "[1]]", "1e400",
        ] {
            XCTAssertThrowsError(try JSONDecoding.decode(text), "accepted \(text.debugDescription)")
        }
    }

    func testErrorMessagesNameWhatWasExpectedAndWhere() {
        XCTAssertEqual(
            decodeError("{\n  \"a\": 1\n  \"b\": 2}")?.message,
            "expected ',' or '}' after an object member, found '\"' at line 3, column 3 (byte 13)")
        XCTAssertEqual(
            decodeError("[1, 2,]")?.message,
            "expected a JSON value, found ']' at line 1, column 7 (byte 6)")
        XCTAssertEqual(
            decodeError("{\"é\": x}")?.message,
            "expected a JSON value, found 'x' at line 1, column 7 (byte 7)")
        XCTAssertEqual(
            decodeError("[1")?.message,
            "expected ',' or ']' after an array element, found end of input at line 1, column 3 (byte 2)")
        XCTAssertEqual(
            decodeError("true false")?.message,
            "expected end of input after the JSON value, found 'f' at line 1, column 6 (byte 5)")
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let limit = JSONDecoding.maximumDepth
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNoThrow(try JSONDecoding.decode(ok))
        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertTrue(decodeError(tooDeep)?.message.contains("nesting deeper than \(limit)") ?? false)
        let objects =
            String(repeating: "{\"a\":", count: limit + 1) + "1"
            + String(repeating: "}", count: limit + 1)
        XCTAssertTrue(decodeError(objects)?.message.contains("nesting deeper") ?? false)
    }

    func testDeepestNestingWorksOnASmallThreadStack() {
        // Swift concurrency and many embedders run code on 512 KB stacks.
        let depth = JSONDecoding.maximumDepth / 2
        let text =
            String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth)
        let done = expectation(description: "decoded and encoded")
        nonisolated(unsafe) var roundTripped = false
        let thread = Thread {
            if let value = try? JSONDecoding.decode(text),
                let compact = try? JSONEncoding.encodeString(value),
                (try? JSONEncoding.encode(value, options: .prettyPrinted)) != nil
            {
                roundTripped = compact == text
            }
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 30)
        XCTAssertTrue(roundTripped)
    }

    func testDecodesAMegabyteQuickly() throws {
        let record =
            #"{"Name":"table_\u00e9","Columns":[{"Name":"id","Type":"bigint"},{"Name":"v","Type":"double"}],"Size":1234567,"Ratio":0.25,"Ok":true},"#
        let count = 1_000_000 / record.utf8.count
        let text = "[" + String(repeating: record, count: count) + "null]"
        let start = ContinuousClock.now
        let value = try JSONDecoding.decode(text)
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(value.arrayValue?.count, count + 1)
        // Generous even for debug builds; release builds take a few milliseconds.
        XCTAssertLessThan(elapsed, .seconds(2))
    }
}
