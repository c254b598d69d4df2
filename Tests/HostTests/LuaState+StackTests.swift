import XCTest

@testable import Host

/// Scalars and strings keep their exact value and Lua type through Swift -> Lua -> Swift.
final class LuaStateStackTests: XCTestCase {
    func testNilAndBooleansRoundTrip() throws {
        let state = LuaState()
        XCTAssertEqual(try state.roundTrip(.nil), .nil)
        XCTAssertEqual(try state.roundTrip(true), .boolean(true))
        XCTAssertEqual(try state.roundTrip(false), .boolean(false))
        state.setGlobal("v", false)
        XCTAssertEqual(try state.run("return type(v), v == false"), ["boolean", true])
    }

    func testIntegersKeepAllSixtyFourBits() throws {
        let state = LuaState()
        for value: Int64 in [.min, .min + 1, -1, 0, 1, (1 << 53) + 1, .max] {
            XCTAssertEqual(try state.roundTrip(.integer(value)), .integer(value), "\(value)")
        }
        state.setGlobal("v", .integer(Int64.max))
        XCTAssertEqual(try state.run("return math.type(v), v == math.maxinteger"), ["integer", true])
        state.setGlobal("v", .integer(Int64.min))
        XCTAssertEqual(try state.run("return v == math.mininteger"), [true])
    }

    func testIntegersMadeInLuaReadAsIntegers() throws {
        let state = LuaState()
        XCTAssertEqual(
            try state.run("return math.maxinteger, math.mininteger, 2^53 // 1 | 0"),
            [.integer(Int64.max), .integer(Int64.min), .integer(1 << 53)])
    }

    func testFloatsStayFloatsBitForBit() throws {
        let state = LuaState()
        for value in [0.1, -0.0, 0.0, 2.0, 1e308, -1e-308, .greatestFiniteMagnitude, .infinity, -.infinity] {
            let back = try state.roundTrip(.number(value))
            XCTAssertEqual(bits(back), value.bitPattern, "\(value) came back as \(back)")
        }
        state.setGlobal("v", .number(2.0))
        XCTAssertEqual(try state.run("return math.type(v)"), ["float"])
        state.setGlobal("v", .number(-0.0))
        XCTAssertEqual(try state.run("return 1/v"), [.number(-.infinity)])
    }

    func testNaNGoesThroughAsNaN() throws {
        let state = LuaState()
        guard case .number(let d) = try state.roundTrip(.number(.nan)) else { return XCTFail("not a number") }
        XCTAssertTrue(d.isNaN)
    }

    func testStringsWithEmbeddedZeroAreByteExact() throws {
        let state = LuaState()
        let text = "a\u{0}b\u{0}"
        XCTAssertEqual(try state.roundTrip(.string(text)), .string(text))
        state.setGlobal("v", .string(text))
        XCTAssertEqual(try state.run("return #v, v:byte(2)"), [4, 0])
    }

    func testUnicodeStringsComeBackAsStrings() throws {
        let state = LuaState()
        let text = "héllo wörld ✓ 🚀"
        XCTAssertEqual(try state.roundTrip(.string(text)), .string(text))
        state.setGlobal("v", .string(text))
        XCTAssertEqual(try state.run("return #v"), [.integer(Int64(text.utf8.count))])
    }

    func testInvalidUTF8ComesBackAsBytes() throws {
        let state = LuaState()
        let bytes: [UInt8] = [0xff, 0x00, 0xc3, 0x28, 0x80, 0x41]
        XCTAssertEqual(try state.roundTrip(.bytes(bytes)), .bytes(bytes))
        XCTAssertEqual(try state.run("return '\\xff\\xfe'"), [.bytes([0xff, 0xfe])])
        state.setGlobal("v", .bytes(bytes))
        XCTAssertEqual(try state.run("return #v, v:byte(1), v:byte(6)"), [6, 255, 65])
    }

    func testEveryByteValueSurvives() throws {
        let state = LuaState()
        let bytes = (0...255).map { UInt8($0) }
        XCTAssertEqual(try state.roundTrip(.bytes(bytes)).stringBytes, bytes)
    }

    func testEmptyString() throws {
        let state = LuaState()
        XCTAssertEqual(try state.roundTrip(""), .string(""))
    }
}

final class LuaStateDepthTests: XCTestCase {
    func testTablesNestedTooDeeplyAreAnErrorNotACrash() throws {
        let state = LuaState()
        let result = try state.run(
            """
            local t = {} local cur = t
            for i = 1, 100000 do cur.next = {} cur = cur.next end
            return t
            """.replacingOccurrences(of: "return t", with: "deep = t return true"))
        XCTAssertEqual(result, [true])
        XCTAssertThrowsError(try state.global("deep")) { error in
            XCTAssertTrue((error as? LuaError)?.message.contains("nested more than") ?? false, "\(error)")
        }
    }
}
