import XCTest

@testable import AWSCore

/// The small string edits that replace full Foundation's: replacing, trimming.
final class StringEditingTests: XCTestCase {
    func testReplacingEveryComparesBytes() {
        XCTAssertEqual("a\"b\"".replacingEvery("\"", with: "\\\""), "a\\\"b\\\"")
        XCTAssertEqual("Glue Data Catalog".replacingEvery(" ", with: "_"), "Glue_Data_Catalog")
        XCTAssertEqual("x::y".replacingEvery("::", with: "/"), "x/y")
        XCTAssertEqual("é€é".replacingEvery("€", with: "e"), "éeé")
        XCTAssertEqual("\"\u{301}x".replacingEvery("\"", with: "'"), "'\u{301}x", "a quote before a combining mark")
        XCTAssertEqual("abc".replacingEvery("", with: "x"), "abc")
        XCTAssertEqual("aaa".replacingEvery("aa", with: "b"), "ba")
        XCTAssertEqual("ab"[...].replacingEvery("b", with: "c"), "ac")
    }

    func testTrimmingWhitespaceAndNewlines() {
        XCTAssertEqual(" \t\r\n code \u{00A0}\u{2028}".trimmingCharacters(where: \.isWhitespace), "code")
        XCTAssertEqual(" \n ".trimmingCharacters(where: \.isWhitespace), "")
    }

    func testTrimmingHorizontalWhitespaceKeepsNewlines() {
        XCTAssertEqual(" \t\u{00A0}name\n ".trimmingCharacters(where: \.isHorizontalWhitespace), "name\n")
        XCTAssertEqual(" a b "[...].trimmingCharacters(where: \.isHorizontalWhitespace), "a b")
    }
}
