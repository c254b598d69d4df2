import AWSCore
import XCTest

final class PercentEncodingTests: XCTestCase {
    func testOnlyUnreservedCharactersStayBare() {
        XCTAssertEqual(PercentEncoding.encode("a b+c/~é*"), "a%20b%2Bc%2F~%C3%A9%2A")
        XCTAssertEqual(PercentEncoding.encodePath("/raw data/2024/é"), "/raw%20data/2024/%C3%A9")
    }

    func testDecodeUndoesEncode() {
        for text in ["plain", "a b+c/~", "ünïcödé ☃ 𝄞", "100% sure", "=&?#"] {
            XCTAssertEqual(PercentEncoding.decode(PercentEncoding.encode(text)), text)
        }
    }

    func testDecodeKeepsWhatIsNotAnEscape() {
        XCTAssertEqual(PercentEncoding.decode("a+b%zz%4"), "a+b%zz%4")
        XCTAssertEqual(PercentEncoding.decode("%e2%98%83"), "☃")
    }

    func testWireEscapingChangesOnlyWhatCannotBeSent() {
        XCTAssertEqual(PercentEncoding.escapeForWire("/b/a%2Fb/c+d=e/..//"), "/b/a%2Fb/c+d=e/..//")
        XCTAssertEqual(PercentEncoding.escapeForWire("/a b/é\"x\""), "/a%20b/%C3%A9%22x%22")
    }
}
