import XCTest

@testable import Bindings

/// The CLI-style text table: rules, a centred header, left-aligned padded cells.
final class TextTableTests: XCTestCase {
    func testColumnsFitTheWidestCell() {
        XCTAssertEqual(
            TextTable.render(header: ["Name", "State"], rows: [["weather", "SUCCEEDED"], ["x", "multi\nline"]]),
            """
            +-----------+--------------+
            |   Name    |    State     |
            +-----------+--------------+
            |  weather  |  SUCCEEDED   |
            |  x        |  multi line  |
            +-----------+--------------+

            """)
    }

    func testATitleWiderThanTheColumnsWidensTheLast() {
        XCTAssertEqual(
            TextTable.render(header: ["A"], rows: [], title: "A long title"),
            """
            ------------------
            |  A long title  |
            +----------------+
            |       A        |
            +----------------+

            """)
    }
}
