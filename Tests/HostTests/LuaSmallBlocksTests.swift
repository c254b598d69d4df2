import CShims
import XCTest

@testable import Host

/// A state's small objects come from its own chunks (`lua_small_blocks.c`): data survives
/// every growth and shrink across sizes, and memory a script frees serves its next objects.
final class LuaSmallBlocksTests: XCTestCase {
    func testValuesSurviveGrowingAndShrinkingThroughEverySize() throws {
        let state = LuaState()
        let results = try state.run(
            """
            local list, text = {}, ""
            for i = 1, 5000 do
                list[#list + 1] = i
                if i <= 600 then text = text .. string.char(65 + i % 26) end
            end
            local record = {}
            for i = 1, 300 do record["k" .. i] = i end
            for i = 1, 290 do record["k" .. i] = nil end
            collectgarbage()
            local sum, kept = 0, 0
            for _, v in ipairs(list) do sum = sum + v end
            for _, v in pairs(record) do kept = kept + v end
            return sum, #text, text:sub(1, 5), kept
            """)
        XCTAssertEqual(results, [.integer(12_502_500), .integer(600), "BCDEF", .integer(2955)])
    }

    func testMemoryAScriptFreesServesItsNextObjects() throws {
        let state = LuaState()
        let build = """
            local rows = {}
            for i = 1, 50000 do rows[i] = {name = "row" .. i, size = i, tags = {"a", "b"}} end
            rows = nil
            collectgarbage()
            collectgarbage()
            """
        try state.run(build)
        let afterFirst = gs_small_blocks_chunk_count(&gs_data(state.L).pointee.small_blocks)
        try state.run(build)
        let afterSecond = gs_small_blocks_chunk_count(&gs_data(state.L).pointee.small_blocks)
        XCTAssertGreaterThan(afterFirst, 50)
        XCTAssertLessThanOrEqual(afterSecond, afterFirst + 2)
    }
}
