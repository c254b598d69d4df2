import Foundation
import XCTest

@testable import Host

/// Running a script file as `lua` does: arguments, its folder on the path, load failures.
final class ScriptRunnerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testMissingFileCannotOpen() {
        let runner = ScriptRunner(state: LuaState())
        XCTAssertThrowsError(try runner.run(path: folder.path + "/missing.lua", arguments: [])) { error in
            guard case ScriptRunner.LoadFailure.cannotOpen(let path, let reason)? = error as? ScriptRunner.LoadFailure
            else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("missing.lua"))
            XCTAssertEqual(reason, "No such file or directory")
        }
    }

    func testFolderCannotOpen() {
        let runner = ScriptRunner(state: LuaState())
        XCTAssertThrowsError(try runner.run(path: folder.path, arguments: [])) { error in
            guard case ScriptRunner.LoadFailure.cannotOpen? = error as? ScriptRunner.LoadFailure else {
                return XCTFail("\(error)")
            }
        }
    }

    func testSyntaxErrorNamesFileAndLine() throws {
        let path = try write("broken.lua", "local x = 1\nx = = 2\n")
        XCTAssertThrowsError(try ScriptRunner(state: LuaState()).run(path: path, arguments: [])) { error in
            guard case ScriptRunner.LoadFailure.syntax(let lua)? = error as? ScriptRunner.LoadFailure else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(lua.message.hasPrefix(path + ":2:"), lua.message)
        }
    }

    func testRuntimeErrorIsALuaErrorWithTraceback() throws {
        let path = try write("fails.lua", "\n\nerror('no bucket')\n")
        XCTAssertThrowsError(try ScriptRunner(state: LuaState()).run(path: path, arguments: [])) { error in
            guard let lua = error as? LuaError else { return XCTFail("\(error)") }
            XCTAssertEqual(lua.message, path + ":3: no bucket")
            XCTAssertTrue(lua.traceback?.contains("stack traceback") ?? false)
        }
    }

    func testArgumentsArriveAsDots() throws {
        let path = try write("args.lua", "return select('#', ...), ...")
        let results = try ScriptRunner(state: LuaState()).run(path: path, arguments: ["a", "b c"])
        XCTAssertEqual(results, [2, "a", "b c"])
    }

    func testShebangLineIsIgnored() throws {
        let path = try write("tool.lua", "#!/usr/bin/env gluescript\nreturn 'ran'\n")
        XCTAssertEqual(try ScriptRunner(state: LuaState()).run(path: path, arguments: []), ["ran"])
    }

    func testRequireFindsModuleNextToTheScriptFromAnotherFolder() throws {
        let scripts = folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try "return {bucket = 'demo-bucket'}".write(
            to: scripts.appendingPathComponent("demo_config.lua"), atomically: true, encoding: .utf8)
        try "return require('demo_config').bucket".write(
            to: scripts.appendingPathComponent("demo.lua"), atomically: true, encoding: .utf8)
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath("/")
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let results = try ScriptRunner(state: LuaState()).run(path: scripts.path + "/demo.lua", arguments: [])
        XCTAssertEqual(results, ["demo-bucket"])
    }

    func testAScriptFromAPipeRunsWhole() throws {
        let fifo = folder.appendingPathComponent("script.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data("return 'from the pipe', ...\n".utf8))
            try? handle.close()
        }
        writer.start()
        let results = try ScriptRunner(state: LuaState()).run(path: fifo, arguments: ["x"])
        XCTAssertEqual(results, [.string("from the pipe"), .string("x")])
    }

    func testFolderOfPath() {
        XCTAssertEqual(ScriptRunner.folder(of: "demo.lua"), ".")
        XCTAssertEqual(ScriptRunner.folder(of: "scripts/demo.lua"), "scripts")
        XCTAssertEqual(ScriptRunner.folder(of: "/demo.lua"), "/")
    }
}
