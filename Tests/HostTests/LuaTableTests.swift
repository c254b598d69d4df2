import XCTest

@testable import Host

/// Tables copy deeply both ways, with their sequence, their fields and their marker.
final class LuaTableTests: XCTestCase {
    func testArrayPartRoundTrips() throws {
        let state = LuaState()
        let table = LuaTable(array: [1, "two", 3.5, true])
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
        state.setGlobal("v", .table(table))
        XCTAssertEqual(try state.run("return #v, v[2], v[4]"), [4, "two", true])
    }

    func testFieldsRoundTrip() throws {
        let state = LuaState()
        let table: LuaTable = ["name": "crawler", "count": 3, "nested": .table(["deep": 0.5])]
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
        state.setGlobal("v", .table(table))
        XCTAssertEqual(try state.run("return v.name, v.nested.deep"), ["crawler", 0.5])
    }

    func testMixedTableRoundTrips() throws {
        let state = LuaState()
        var table = LuaTable(array: ["a", "b"])
        table["kind"] = "mixed"
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
    }

    func testIntegerKeysBeyondTheSequenceStayFields() throws {
        let state = LuaState()
        let back = try state.run("return {10, 20, [4] = 40, [100] = 'h', [-1] = 'neg', [0] = 'zero'}")
        let expected = LuaTable(array: [10, 20], fields: [4: 40, 100: "h", -1: "neg", 0: "zero"])
        XCTAssertEqual(back, [.table(expected)])
        XCTAssertEqual(try state.roundTrip(.table(expected)), .table(expected))
    }

    func testNonStringKeysRoundTrip() throws {
        let state = LuaState()
        let table = LuaTable(fields: [true: "yes", 1.5: "float", .bytes([0xff]): "raw"])
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
        state.setGlobal("v", .table(table))
        XCTAssertEqual(try state.run("return v[true], v[1.5], v['\\xff']"), ["yes", "float", "raw"])
    }

    func testTablesMadeInLuaReadIntoSwift() throws {
        let state = LuaState()
        let back = try state.run("return {1, 2, x = {y = {'z'}}, [true] = false}")
        let expected = LuaTable(
            array: [1, 2], fields: ["x": .table(["y": .table(["z"])]), true: false])
        XCTAssertEqual(back, [.table(expected)])
    }

    func testMetatableNameIsKept() throws {
        let state = LuaState()
        try state.run("local mt = {__name = 'json.array'}; debug.getregistry()['json.array'] = mt")
        let table = LuaTable(array: [], metatableName: "json.array")
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
        state.setGlobal("v", .table(table))
        XCTAssertEqual(try state.run("return getmetatable(v).__name"), ["json.array"])
        XCTAssertEqual(
            try state.run("return setmetatable({}, {__name = 'marked'})").first?.tableValue?.metatableName, "marked")
    }

    func testTableThatContainsItselfIsAnError() throws {
        let state = LuaState()
        XCTAssertThrowsError(try state.run("local t = {}; t.self = t; return t")) { error in
            XCTAssertTrue("\(error)".contains("cycle"), "\(error)")
        }
        XCTAssertThrowsError(try state.run("local t = {}; t[{t}] = 1; return t"))
        XCTAssertEqual(try state.run("return 'still usable'"), ["still usable"])
    }

    func testSharedSubtableIsNotACycle() throws {
        let state = LuaState()
        let back = try state.run("local s = {1}; return {a = s, b = s}")
        XCTAssertEqual(back, [.table(["a": .table([1]), "b": .table([1])])])
    }

    func testDeepTablesRoundTrip() throws {
        let state = LuaState()
        var table = LuaTable(["leaf": "bottom"])
        for level in 0..<200 { table = LuaTable(array: [.table(table)], fields: ["level": .integer(Int64(level))]) }
        XCTAssertEqual(try state.roundTrip(.table(table)), .table(table))
        state.setGlobal("v", .table(table))
        let depth = try state.run("local n = 0; while v[1] do v = v[1]; n = n + 1 end; return n, v.leaf")
        XCTAssertEqual(depth, [200, "bottom"])
    }
}
