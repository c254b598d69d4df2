import Host
import XCTest

final class SearchFunctionTests: XCTestCase {
    func testSearchRunsJMESPathOverLuaTables() throws {
        let state = makeState()
        let result = try state.run(
            "local r = aws.search(\"Jobs[?State=='RUNNING'].Name\", {Jobs = {{Name='a', State='RUNNING'}, {Name='b', State='DONE'}}}) return #r, r[1]"
        )
        XCTAssertEqual(result, [.integer(1), .string("a")])
    }

    func testSyntaxErrorsNameTheColumn() throws {
        let state = makeState()
        let message = try evaluate(state, "local ok, e = pcall(aws.search, 'a.[', {}) return e.message")
        XCTAssertTrue(message.stringValue?.contains("column") ?? false, "\(message)")
    }
}
