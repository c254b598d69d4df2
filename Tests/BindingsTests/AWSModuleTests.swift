import Host
import XCTest

final class AWSModuleTests: XCTestCase {
    func testRequireGivesTheSameTableAsTheGlobal() throws {
        let state = makeState()
        XCTAssertEqual(try evaluate(state, "return rawequal(require('aws'), aws)"), .boolean(true))
    }
}
