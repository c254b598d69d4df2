import Foundation
import XCTest

/// libcurl and libedit are opened when first needed: a script that sends nothing runs without
/// them, and a library that cannot be opened is an error naming it, never a crash.
final class LazyLibrariesTests: XCTestCase {
    /// Prints the shared libraries mapped into the process when the chunk has run.
    private static let printMappedLibraries =
        "for line in io.lines('/proc/self/maps') do local lib = line:match('/([^/]+%.so[^/]*)$') "
        + "if lib then io.write(lib, '\\n') end end"

    private static let environment = [
        "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "us-east-1",
    ]

    func testAScriptThatSendsNothingRunsWithoutLibcurlOrLibedit() throws {
        let outcome = try GluescriptProcess.run(
            ["-e", "aws.client('glue'):build_request('get_databases', {})", "-e", Self.printMappedLibraries],
            environment: Self.environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("liblua5.4"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("libcurl"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("libedit"), outcome.stdout)
    }

    func testTheFirstRequestOpensLibcurl() throws {
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                "local g = aws.client('glue', {endpoint_url = 'http://127.0.0.1:9', max_attempts = 1}) "
                    + "assert(not pcall(g.get_databases, g))", "-e", Self.printMappedLibraries,
            ], environment: Self.environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("libcurl.so.4"), outcome.stdout)
    }

    func testALibcurlThatCannotBeOpenedIsAnErrorNamingIt() throws {
        var environment = Self.environment
        environment["GLUESCRIPT_LIBCURL"] = "/nonexistent/libcurl.so.4"
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                "local g = aws.client('glue', {endpoint_url = 'http://127.0.0.1:9'}) "
                    + "local ok, e = pcall(g.get_databases, g) print(e.code) "
                    + "print(select(2, pcall(g.get_databases, g)).code) g:get_databases()",
            ], environment: environment)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "LibraryUnavailable\nLibraryUnavailable\n")
        XCTAssertTrue(
            outcome.stderr.contains("LibraryUnavailable: cannot load libcurl (/nonexistent/libcurl.so.4)"),
            outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("(command line):1:"), outcome.stderr)
    }

    func testWithoutLibeditTheREPLSaysSoAndReadsPlainLines() throws {
        let outcome = try GluescriptProcess.run(
            ["-i"], input: "x = 20\nprint(x + 1)\nfor i = 1, 2 do\nio.write(i)\nend\n",
            environment: ["GLUESCRIPT_LIBEDIT": "/nonexistent/libedit.so.2", "HOME": NSTemporaryDirectory()])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("21\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("12"), outcome.stdout)
        XCTAssertTrue(
            outcome.stderr.contains("line editing and history are off: cannot load libedit: /nonexistent/libedit.so.2"),
            outcome.stderr)
    }
}
