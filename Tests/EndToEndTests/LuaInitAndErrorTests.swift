import Foundation
import XCTest

/// As the stock `lua`: `LUA_INIT_5_4` or `LUA_INIT` runs first (`-E` skips it), and an
/// uncaught error table with a code and a message prints as `code: message`.
final class LuaInitAndErrorTests: XCTestCase {
    func testLuaInitChunkRunsBeforeTheCommandLine() throws {
        let outcome = try GluescriptProcess.run(
            ["-e", "print(greeting)"], environment: ["LUA_INIT": "greeting = 'from LUA_INIT'", "LUA_INIT_5_4": ""])
        XCTAssertEqual(outcome.stdout, "from LUA_INIT\n", outcome.stderr)
    }

    func testVersionedLuaInitWinsAndAtRunsAFile() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("init.lua", "greeting = 'from the file of LUA_INIT_5_4'\n")
        let outcome = try GluescriptProcess.run(
            ["-e", "print(greeting)"], environment: ["LUA_INIT_5_4": "@" + file, "LUA_INIT": "greeting = 'plain'"])
        XCTAssertEqual(outcome.stdout, "from the file of LUA_INIT_5_4\n", outcome.stderr)
    }

    func testDashEIgnoresLuaInit() throws {
        let outcome = try GluescriptProcess.run(
            ["-E", "-e", "print(greeting)"], environment: ["LUA_INIT": "greeting = 'set'"])
        XCTAssertEqual(outcome.stdout, "nil\n", outcome.stderr)
    }

    func testDashEIgnoresLuaPath() throws {
        let script = "print(package.path:find('nowhere', 1, true) ~= nil)"
        let environment = ["LUA_PATH": "/nowhere/?.lua", "LUA_PATH_5_4": ""]
        XCTAssertEqual(try GluescriptProcess.run(["-e", script], environment: environment).stdout, "true\n")
        XCTAssertEqual(try GluescriptProcess.run(["-E", "-e", script], environment: environment).stdout, "false\n")
    }

    func testAnErrorInLuaInitStopsTheRun() throws {
        let outcome = try GluescriptProcess.run(
            ["-e", "print('not reached')"], environment: ["LUA_INIT": "error('bad init')", "LUA_INIT_5_4": ""])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: LUA_INIT:1: bad init"), outcome.stderr)
    }

    func testAnUncaughtErrorTablePrintsItsCodeAndMessage() throws {
        let outcome = try GluescriptProcess.run(["-e", "error({code = 'X', message = 'm'})"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: X: m\n"), outcome.stderr)
        let plain = try GluescriptProcess.run(["-e", "error({1, 2})"])
        XCTAssertTrue(plain.stderr.hasPrefix("gluescript: (error object is a table value)\n"), plain.stderr)
    }

    func testAnUncaughtAWSErrorPrintsAsTostringReadsIt() throws {
        let outcome = try GluescriptProcess.run([
            "-e",
            """
            local ok, err = pcall(aws.json.decode, "{")
            print(tostring(err))
            error(err)
            """,
        ])
        XCTAssertEqual(outcome.status, 1)
        let printed = outcome.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(printed.contains(": "), printed)
        XCTAssertFalse(printed.contains("table: 0x"), printed)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: " + printed + "\n"), outcome.stderr)
    }
}
