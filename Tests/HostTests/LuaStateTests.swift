import XCTest

@testable import Host

/// A state's globals, modules and package path; two states never share them.
final class LuaStateTests: XCTestCase {
    func testGlobalsSetFromSwiftAreSeenByLua() throws {
        let state = LuaState()
        state.setGlobal("region", "eu-west-1")
        XCTAssertEqual(try state.run("return region"), ["eu-west-1"])
        try state.run("answer = 42")
        XCTAssertEqual(try state.global("answer"), 42)
        XCTAssertEqual(try state.global("missing"), .nil)
    }

    func testTwoStatesAreIndependent() throws {
        let first = LuaState()
        let second = LuaState()
        try first.run("shared = 'first'")
        first.register("who") { _ in ["first"] }
        second.register("who") { _ in ["second"] }
        XCTAssertEqual(try second.run("return shared"), [.nil])
        XCTAssertEqual(try first.run("return who()"), ["first"])
        XCTAssertEqual(try second.run("return who()"), ["second"])
        try second.run("string.upper = nil")
        XCTAssertEqual(try first.run("return string.upper('a')"), ["A"])
    }

    func testPreloadRunsOnFirstRequireOnly() throws {
        let state = LuaState()
        var loads = 0
        state.preload("config") { _ in
            loads += 1
            return .table(["bucket": "demo"])
        }
        XCTAssertEqual(loads, 0)
        XCTAssertEqual(
            try state.run("return require('config').bucket, rawequal(require('config'), require('config'))"),
            ["demo", true])
        XCTAssertEqual(loads, 1)
    }

    func testPrependPackagePathPutsFolderFirst() throws {
        let state = LuaState()
        state.prependPackagePath("/opt/scripts/?.lua")
        let path = try state.run("return package.path").first?.stringValue ?? ""
        XCTAssertTrue(path.hasPrefix("/opt/scripts/?.lua;"), path)
    }

    func testStandardLibrariesAreOpen() throws {
        let state = LuaState()
        XCTAssertEqual(
            try state.run("return string.format('%03d', 7), math.floor(2.5), type(io.write), type(os.time)"),
            ["007", 2, "function", "function"])
    }
}
