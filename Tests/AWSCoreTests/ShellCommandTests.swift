import XCTest

@testable import AWSCore

/// `credential_process` and the botocore lookup run through `ShellCommand`: its output, its
/// status, and commands that write much to both pipes at once.
final class ShellCommandTests: XCTestCase {
    func testCollectsStdoutStderrAndStatus() throws {
        let result = try ShellCommand.run("printf out; printf err >&2; exit 3")
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "out")
        XCTAssertEqual(String(decoding: result.stderr, as: UTF8.self), "err")
        XCTAssertEqual(result.status, 3)
    }

    func testMuchOutputOnBothPipesDoesNotBlock() throws {
        let result = try ShellCommand.run(
            "i=0; while [ $i -lt 2000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789 >&2;"
                + " echo 0123456789012345678901234567890123456789012345678901234567890123456789; i=$((i+1)); done")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.count, 2000 * 71)
        XCTAssertEqual(result.stderr.count, 2000 * 71)
    }

    func testASignalEndingTheCommandIsItsStatus() throws {
        let result = try ShellCommand.run("kill -TERM $$")
        XCTAssertEqual(result.status, 15)
    }

    func testTheCommandSeesTheEnvironment() throws {
        setenv("GLUESCRIPT_SHELL_TEST", "seen", 1)
        defer { unsetenv("GLUESCRIPT_SHELL_TEST") }
        let result = try ShellCommand.run("printf %s \"$GLUESCRIPT_SHELL_TEST\"")
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "seen")
    }
}
