import AWSCore
import XCTest

final class JMESPathExpressionCacheTests: XCTestCase {
    func testKeepsAtMostItsCapacity() throws {
        let cache = JMESPathExpressionCache(capacity: 2)
        XCTAssertEqual(try cache.expression("a").search(.object(["a": .integer(1)])), .integer(1))
        _ = try cache.expression("b")
        _ = try cache.expression("a")
        XCTAssertEqual(cache.count, 2)
        _ = try cache.expression("c")
        XCTAssertEqual(cache.count, 2)
        XCTAssertThrowsError(try cache.expression("a.[")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JMESPathSyntaxError")
        }
        XCTAssertEqual(cache.count, 2)
    }
}
