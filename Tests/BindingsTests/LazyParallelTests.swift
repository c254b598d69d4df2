import Bindings
import Host
import XCTest

/// `aws.parallel`, `aws.map` and `aws.sleep` are set up on first use: what a script does
/// before that (keeping them in locals, replacing one) works as if they had been there all along.
final class LazyParallelTests: XCTestCase {
    func testStandInsKeptInLocalsBeforeFirstUseStillYieldInsideParallel() throws {
        let state = makeState()
        let results = try state.run(
            """
            local parallel, sleep, map = aws.parallel, aws.sleep, aws.map
            local order = {}
            parallel(
              function() sleep(0.05); order[#order + 1] = "slept" end,
              function() order[#order + 1] = "went on" end)
            local doubled = map({1, 2, 3}, function(n) sleep(0.01); return n * 2 end)
            return table.concat(order, ","), table.concat(doubled, ",")
            """, name: "=test")
        XCTAssertEqual(results, [.string("went on,slept"), .string("2,4,6")])
    }

    func testAFunctionTheScriptPutInTheModuleFirstIsKept() throws {
        let state = makeState()
        let results = try state.run(
            """
            aws.map = function() return "mine" end
            local a, b = aws.parallel(function() return 1 end, function() return 2 end)
            return aws.map(), a, b
            """, name: "=test")
        XCTAssertEqual(results, [.string("mine"), .integer(1), .integer(2)])
    }

    func testAnErrorFromTheFirstCallPointsAtTheScript() throws {
        let state = makeState()
        XCTAssertThrowsError(try state.run("\naws.parallel(42)", name: "=test")) { error in
            XCTAssertTrue("\(error)".contains("test:2: aws.parallel: argument 1 is a number"), "\(error)")
        }
    }
}
