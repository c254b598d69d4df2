import XCTest

/// `-e`, `-l`, `-v`, `--help` and bad flags, as the stock `lua` has them.
final class OptionsTests: XCTestCase {
    func testSeveralExecuteChunksRunInOrder() throws {
        let outcome = try GluescriptProcess.run(["-e", "x = 1; print('first')", "-e", "print('second', x + 1)"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "first\nsecond\t2\n")
    }

    func testLibraryIntoGlobalOfItsName() throws {
        let scratch = try ScratchFolder()
        try scratch.write("mod.lua", "return {answer = 42}\n")
        let outcome = try GluescriptProcess.run(["-l", "mod", "-e", "print(mod.answer)"], in: scratch.url)
        XCTAssertEqual(outcome.stdout, "42\n", outcome.stderr)
    }

    func testLibraryIntoGlobalOfAnotherName() throws {
        let scratch = try ScratchFolder()
        try scratch.write("mod.lua", "return {answer = 42}\n")
        let outcome = try GluescriptProcess.run(["-l", "g=mod", "-e", "print(g.answer, mod)"], in: scratch.url)
        XCTAssertEqual(outcome.stdout, "42\tnil\n", outcome.stderr)
    }

    func testMissingLibraryIsAScriptError() throws {
        let outcome = try GluescriptProcess.run(["-l", "no_such_module_here"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("module 'no_such_module_here' not found"), outcome.stderr)
    }

    func testVersionNamesLua54() throws {
        let outcome = try GluescriptProcess.run(["-v"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.hasPrefix("gluescript "), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Lua 5.4"), outcome.stdout)
        XCTAssertEqual(try GluescriptProcess.run(["--version"]).stdout, outcome.stdout)
    }

    func testHelpShowsUsage() throws {
        let outcome = try GluescriptProcess.run(["--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.hasPrefix("usage: gluescript"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("--region"), outcome.stdout)
    }

    func testUnknownFlagIsBadUsage() throws {
        let outcome = try GluescriptProcess.run(["--frobnicate", "x.lua"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.hasPrefix("gluescript: unrecognized option '--frobnicate'"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("usage:"), outcome.stderr)
        XCTAssertEqual(try GluescriptProcess.run(["-x"]).status, 2)
    }

    func testFlagMissingItsValueIsBadUsage() throws {
        let outcome = try GluescriptProcess.run(["-e"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("'-e' needs an argument"), outcome.stderr)
    }

    func testFlagWithEmptyInlineValueIsBadUsageAndDoesNotEatTheNextWord() throws {
        for flag in ["--endpoint-url=", "--region=", "--profile=", "--local="] {
            let outcome = try GluescriptProcess.run([flag, "-e", "print('ran')"])
            XCTAssertEqual(outcome.status, 2, flag)
            XCTAssertEqual(outcome.stdout, "", flag)
            XCTAssertTrue(outcome.stderr.contains("'\(flag)' needs a value"), outcome.stderr)
        }
    }
}

/// `-l` with a strict `_G` and with modules whose tables must stay themselves.
final class RequireOptionTests: XCTestCase {
    func testModulesKeepTheirIdentityAndAStrictGlobalTableIsAnErrorNotACrash() throws {
        let scratch = try ScratchFolder()
        _ = try scratch.write(
            "counter.lua", "local M = {count = 0} M.__index = M function M.bump() M.count = M.count + 1 end return M\n")
        _ = try scratch.write(
            "strict.lua", "setmetatable(_G, {__newindex = function() error('no new globals') end}) return true\n")
        let shared = try GluescriptProcess(
            ["-l", "counter", "-e", "counter.bump() print(counter.count, require('counter') == counter)"],
            in: scratch.url
        ).finish()
        XCTAssertEqual(shared.status, 0, shared.stderr)
        XCTAssertEqual(shared.stdout, "1\ttrue\n")
        let strict = try GluescriptProcess(["-l", "strict", "-l", "counter", "-e", "print(1)"], in: scratch.url)
            .finish()
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("no new globals"), strict.stderr)
    }
}
