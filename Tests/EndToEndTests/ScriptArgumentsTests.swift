import XCTest

/// `gluescript script.lua a b`: the script sees `arg` and `...` as with `lua`.
final class ScriptArgumentsTests: XCTestCase {
    func testArgTableAndDots() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("args.lua", "print(arg[0], arg[1], arg[2], arg[-1], #arg)\nprint(...)\n")
        let outcome = try GluescriptProcess.run([script, "a", "b c"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, outcome.stdout)
        XCTAssertEqual(
            lines.first, [script, "a", "b c", GluescriptProcess.binary.path, "2"].joined(separator: "\t"))
        XCTAssertEqual(lines.last, "a\tb c")
    }

    func testOptionsBeforeTheScriptGetNegativeIndices() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("args.lua", "print(arg[-2], arg[-1], arg[0], arg[1])\n")
        let outcome = try GluescriptProcess.run(["-e", "x=1", script, "z"])
        XCTAssertEqual(outcome.stdout, "-e\tx=1\t\(script)\tz\n", outcome.stderr)
    }

    func testDoubleDashThenAScriptNamedLikeAFlag() throws {
        let scratch = try ScratchFolder()
        try scratch.write("-v", "print('flag-named script', ...)\n")
        let outcome = try GluescriptProcess.run(["--", "-v", "x"], in: scratch.url)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "flag-named script\tx\n")
    }

    func testShebangLineIsIgnored() throws {
        let scratch = try ScratchFolder()
        let script = try scratch.write("tool.lua", "#!/usr/bin/env gluescript\nprint('ran')\n")
        let outcome = try GluescriptProcess.run([script])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "ran\n")
    }

    func testRequireFindsModulesNextToTheScriptFromAnotherFolder() throws {
        let scratch = try ScratchFolder()
        try scratch.write("scripts/demo_config.lua", "return {bucket = 'demo-bucket'}\n")
        try scratch.write("scripts/demo.lua", "print(require('demo_config').bucket)\n")
        try scratch.write("elsewhere/.keep", "")
        let outcome = try GluescriptProcess.run(
            ["../scripts/demo.lua"], in: scratch.url.appendingPathComponent("elsewhere"))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "demo-bucket\n")
    }

    func testAwsModuleIsAGlobalAndRequirable() throws {
        let outcome = try GluescriptProcess.run(["-e", "print(type(aws), type(require('aws').inspect))"])
        XCTAssertEqual(outcome.stdout, "table\tfunction\n", outcome.stderr)
    }
}
