import Foundation
import TestPrerequisites
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `--local` starts the emulator for the run, points every client at it, and leaves nothing
/// running afterwards: after success, an error, `os.exit` and Ctrl-C.
final class LocalModeTests: XCTestCase {
    override func setUpWithError() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import moto.server"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        if probe.terminationStatus != 0 && ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] == nil {
            throw Prerequisite.missing("moto is not installed; scripts/test installs it")
        }
    }

    func testClientsTalkToTheEmulatorWhichStopsAfterwards() throws {
        let outcome = try GluescriptProcess([
            "--local", "-e",
            """
            local id = aws.client("sts"):get_caller_identity()
            local policy = aws.client("iam"):get_policy{
              PolicyArn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"}.Policy.PolicyName
            print(id.Account, policy, aws.config().access_key_id)
            """,
        ]).finish(timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "123456789012\tAWSGlueServiceRole\ttesting\n")
        try assertStopped(outcome.stderr)
    }

    func testTheEmulatorStopsAfterAnErrorAndAfterOsExit() throws {
        let failed = try GluescriptProcess(["--local", "-e", "aws.client('glue'):get_crawler{Name = 'none'}"])
            .finish(timeout: 60)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("EntityNotFoundException"), failed.stderr)
        try assertStopped(failed.stderr)

        let exited = try GluescriptProcess(["--local", "-e", "os.exit(3)"]).finish(timeout: 60)
        XCTAssertEqual(exited.status, 3)
        try assertStopped(exited.stderr)
    }

    func testTheEmulatorStopsAfterCtrlC() throws {
        let running = try GluescriptProcess(["--local", "-e", "io.stderr:write('started\\n') while true do end"])
        XCTAssertTrue(running.waitForStderr("started", timeout: 60), running.stderrSoFar)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 10)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        try assertStopped(outcome.stderr)
    }

    func testTheEmulatorStopsWhenGluescriptIsKilled() throws {
        let running = try GluescriptProcess(["--local", "-e", "io.stderr:write('started\\n') aws.sleep(60)"])
        XCTAssertTrue(running.waitForStderr("started", timeout: 60), running.stderrSoFar)
        running.signal(SIGTERM)
        let outcome = running.finish(timeout: 10)
        XCTAssertEqual(outcome.status, 128 + SIGTERM, outcome.stderr)
        XCTAssertEqual(running.process.terminationReason, .exit, "the script was stopped and cleaned up after")
        try assertStopped(outcome.stderr)
    }

    func testAnEmulatorThatIsNotThereIsAnError() throws {
        let outcome = try GluescriptProcess(["--local=http://127.0.0.1:9", "-e", "print(1)"]).finish(timeout: 20)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("no AWS emulator answers at http://127.0.0.1:9"), outcome.stderr)
    }

    /// The port the run announced no longer accepts connections.
    private func assertStopped(_ stderr: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let range = stderr.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(stderr[range].split(separator: ":").last ?? "")
        else {
            return XCTFail("no emulator address on stderr: \(stderr)", file: file, line: line)
        }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            if !Self.accepts(port: port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("the emulator on port \(port) is still running", file: file, line: line)
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
