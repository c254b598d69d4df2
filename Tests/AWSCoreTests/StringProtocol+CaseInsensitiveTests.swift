import XCTest

@testable import AWSCore

/// Header names compare as `lowercased() == lowercased()` would, without making copies.
final class StringProtocolCaseInsensitiveTests: XCTestCase {
    func testAgreesWithLowercasedComparison() {
        let words = [
            "", "a", "A", "Content-Length", "content-length", "CONTENT-LENGTH", "content-lengths", "content-lengt",
            "X-Amz-Date", "x-amz-date", "@[`{", "`{@[", "Straße", "STRASSE", "strasse", "É", "é", "e", "İ", "i̇",
            "K", "\u{212A}", "k", "ΣΑΣ", "σας",
        ]
        for left in words {
            for right in words {
                XCTAssertEqual(
                    left.equalsIgnoringCase(right), left.lowercased() == right.lowercased(), "\(left) ~ \(right)")
            }
            XCTAssertEqual(left.lowercasedFast(), left.lowercased(), left)
        }
        XCTAssertTrue("Host"[...].equalsIgnoringCase("hOST"))
    }
}
