import XCTest

@testable import Bindings

/// RFC 4180 fields both ways, and errors that name the line.
final class CSVCodecTests: XCTestCase {
    func testAwkwardFieldsRoundTrip() throws {
        let records = [
            ["id", "text"], ["1", "comma, inside"], ["2", "quote \" inside"], ["3", "line\nbreak"],
            ["4", "crlf\r\nbreak"], ["5", ""], ["6", "\"\""], ["7", "ünïcödé ✓"], ["8", " leading and trailing "],
        ]
        let text = CSVCodec.encode(records)
        XCTAssertTrue(text.hasPrefix("id,text\r\n1,\"comma, inside\"\r\n2,\"quote \"\" inside\"\r\n"), text)
        XCTAssertEqual(try CSVCodec.decode(text).map(\.fields), records)
    }

    func testLFLineEndsABOMAndAMissingLastLineEndAreRead() throws {
        let records = try CSVCodec.decode("\u{FEFF}a,b\n1,2\n\n3,\"x\ny\"")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["1", "2"], ["3", "x\ny"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4], "blank lines are skipped, lines counted")
    }

    func testEmptyFieldsAreKept() throws {
        XCTAssertEqual(try CSVCodec.decode(",,\r\n\"\",x,\r\n").map(\.fields), [["", "", ""], ["", "x", ""]])
    }

    func testAnUnterminatedQuoteNamesItsLine() {
        XCTAssertThrowsError(try CSVCodec.decode("a,b\r\n1,\"open\r\nmore\r\n")) { error in
            XCTAssertEqual("\(error)".contains("line 2: a quoted field is never closed"), true, "\(error)")
        }
    }

    func testStrayQuotesAreErrorsNamingTheLine() {
        XCTAssertThrowsError(try CSVCodec.decode("a\nab\"c\n")) { error in
            XCTAssertTrue("\(error)".contains("line 2: a quote inside an unquoted field"), "\(error)")
        }
        XCTAssertThrowsError(try CSVCodec.decode("a\n\"x\"y\n")) { error in
            XCTAssertTrue("\(error)".contains("line 2: text after the closing quote"), "\(error)")
        }
    }
}
