import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C stops every call, wait and transfer running side by side in `aws.parallel`.
final class ParallelInterruptTests: XCTestCase {
    /// The transfers go one 5 MiB part at a time with their progress on stderr, beside a long
    /// sleep, so the signal comes once bytes are moving and long before the end.
    private static let options = "{progress = true, part_size = 5 * 1024 * 1024, concurrency = 1}"

    private func bigFile(in scratch: ScratchFolder) throws -> String {
        let path = scratch.url.appendingPathComponent("big.bin").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(count: 64 * 1024 * 1024)))
        return path
    }

    func testSigintStopsAnUploadInsideParallelAndAbortsIt() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        let path = try bigFile(in: scratch)
        let running = try GluescriptProcess([
            "--local=\(moto.url)", "-e",
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "pint"}
            aws.parallel(function() s3:upload_file("\(path)", "pint", "big.bin", \(Self.options)) end,
              function() aws.sleep(60) end)
            io.stderr:write("not stopped\\n")
            """,
        ])
        XCTAssertTrue(running.waitForStderr("MiB", timeout: 30), running.stderrSoFar)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 30)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("not stopped"), outcome.stderr)
        XCTAssertEqual(try moto.openMultipartUploads(in: "pint"), "0", "the multipart upload was aborted")
    }

    func testSigintStopsADownloadInsideParallelAndLeavesNoFile() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        let path = try bigFile(in: scratch)
        let uploaded = try GluescriptProcess([
            "--local=\(moto.url)", "-e",
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "pint"}
            s3:upload_file("\(path)", "pint", "big.bin", {progress = false})
            """,
        ]).finish(timeout: 60)
        XCTAssertEqual(uploaded.status, 0, uploaded.stderr)
        let target = scratch.url.appendingPathComponent("out.bin").path
        let running = try GluescriptProcess([
            "--local=\(moto.url)", "-e",
            """
            local s3 = aws.client("s3")
            aws.parallel(function() s3:download_file("pint", "big.bin", "\(target)", \(Self.options)) end,
              function() aws.sleep(60) end)
            """,
        ])
        XCTAssertTrue(running.waitForStderr("MiB", timeout: 30), running.stderrSoFar)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 30)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["big.bin"],
            "neither the target nor a temporary file is left")
    }

    func testSigintStopsWaitsRunningSideBySide() throws {
        let moto = try MotoServer()
        let script = """
            local glue = aws.client("glue")
            local function waiting(name)
              return function()
                glue:wait("database_exists", {Name = name}, {delay = 0.2, max_attempts = 10000,
                  on_poll = function(_, attempt) if attempt == 3 then io.stderr:write("polling\\n") end end})
              end
            end
            aws.parallel(waiting("nope-1"), waiting("nope-2"), waiting("nope-3"))
            io.stderr:write("not stopped\\n")
            """
        let running = try GluescriptProcess(["--local=\(moto.url)", "-e", script])
        XCTAssertTrue(running.waitForStderr("polling"), "the waits never polled")
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("not stopped"), outcome.stderr)
    }

    func testSigintStopsSleepsRunningSideBySide() throws {
        let running = try GluescriptProcess([
            "-e",
            "io.stderr:write('started\\n'); aws.parallel(function() aws.sleep(60) end, function() aws.sleep(60) end)",
        ])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        usleep(300_000)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
    }
}
