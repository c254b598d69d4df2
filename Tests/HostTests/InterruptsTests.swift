import XCTest

@testable import Host

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C belongs to the state that was running: another host in the same process neither
/// sees it nor clears it.
final class InterruptsTests: XCTestCase {
    func testTheInterruptFlagBelongsToEachState() throws {
        let first = LuaState()
        let second = LuaState()
        Interrupts.watching(first) { _ = raise(SIGINT) }
        XCTAssertTrue(Interrupts.requested(in: first))
        XCTAssertFalse(Interrupts.requested(in: second))
        Interrupts.watching(second) {}
        XCTAssertTrue(Interrupts.requested(in: first), "a new run of another state cleared this one's Ctrl-C")
        XCTAssertThrowsError(try first.run("return 1")) { XCTAssertTrue("\($0)".contains("interrupted!")) }
        XCTAssertEqual(try second.run("return 1"), [1])
    }
}
