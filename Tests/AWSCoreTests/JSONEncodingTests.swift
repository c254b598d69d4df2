import AWSCore
import OrderedCollections
import XCTest

final class JSONEncodingTests: XCTestCase {
    private func encode(_ value: JSONValue, _ options: JSONEncoding.Options = []) throws -> String {
        try JSONEncoding.encodeString(value, options: options)
    }

    private let sample: JSONValue = .object([
        "b": .array([.integer(1), .double(2.5), .null]),
        "a": .object(["y": .bool(true), "x": .string("s")]),
        "e": .array([]),
        "o": .object([:]),
    ])

    func testCompactKeepsKeyOrder() throws {
        XCTAssertEqual(try encode(sample), #"{"b":[1,2.5,null],"a":{"y":true,"x":"s"},"e":[],"o":{}}"#)
    }

    func testPrettyAndSorted() throws {
        let expected = """
            {
              "a": {
                "x": "s",
                "y": true
              },
              "b": [
                1,
                2.5,
                null
              ],
              "e": [],
              "o": {}
            }
            """
        XCTAssertEqual(try encode(sample, [.prettyPrinted, .sortedKeys]), expected)
        XCTAssertEqual(
            try encode(sample, .sortedKeys), #"{"a":{"x":"s","y":true},"b":[1,2.5,null],"e":[],"o":{}}"#)
    }

    func testStringEscapes() throws {
        XCTAssertEqual(
            try encode(.string("q\"b\\n\nt\tc\u{01}\u{1F}/é😀")), #""q\"b\\n\nt\tc\u0001\u001f/é😀""#)
    }

    func testNumbers() throws {
        XCTAssertEqual(try encode(.double(2.0)), "2.0")
        XCTAssertEqual(try encode(.double(1.5)), "1.5")
        XCTAssertEqual(try encode(.double(0.1)), "0.1")
        XCTAssertEqual(try encode(.integer(Int64.min)), "-9223372036854775808")
        for d in [1e100, 1e-7, -0.0, 123456789.123, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude] {
            XCTAssertEqual(try JSONDecoding.decode(try encode(.double(d))), .double(d), "\(d)")
        }
    }

    func testNonFiniteAndBinaryAreErrorsNamingThePath() {
        XCTAssertThrowsError(try encode(.object(["a": .array([.double(.nan)])]))) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "JSONEncodeError")
            XCTAssertTrue(error?.message.contains(".a[0]") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("NaN") ?? false)
        }
        XCTAssertThrowsError(try encode(.double(.infinity)))
        XCTAssertThrowsError(try encode(.binary([1, 2]))) { error in
            XCTAssertTrue((error as? AWSError)?.message.contains("binary") ?? false)
        }
    }

    func testBinaryAsBase64WhenAsked() throws {
        XCTAssertEqual(try encode(.binary(Array("Man".utf8)), .base64Binary), #""TWFu""#)
        XCTAssertEqual(try encode(.binary(Array("Ma".utf8)), .base64Binary), #""TWE=""#)
        XCTAssertEqual(try encode(.binary(Array("M".utf8)), .base64Binary), #""TQ==""#)
        XCTAssertEqual(try encode(.binary([]), .base64Binary), #""""#)
    }

    func testRoundTrips() throws {
        let texts = [
            #"{"Policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"]}]}}"#,
            #"[1,-2,3.25,1e+100,true,false,null,"\u0000\"\\",{"":{}}]"#,
            #"{"ünï":"😀 中","n":9223372036854775807,"d":-9.5e-10}"#,
        ]
        for text in texts {
            let value = try JSONDecoding.decode(text)
            let compact = try encode(value)
            XCTAssertEqual(try JSONDecoding.decode(compact), value)
            XCTAssertEqual(try JSONDecoding.decode(try encode(value, .prettyPrinted)), value)
            XCTAssertEqual(try encode(try JSONDecoding.decode(compact)), compact)
        }
    }
}
