import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a transfer with `on_progress` outside `aws.parallel` (which the script's own
/// loop drives, so the callback runs between steps) stops it as it stops any transfer.
final class ProgressCallbackInterruptTests: XCTestCase {
    func testSigintStopsAnUploadWithOnProgressAndAbortsIt() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        let path = scratch.url.appendingPathComponent("big.bin").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(count: 64 * 1024 * 1024)))
        let running = try GluescriptProcess([
            "--local=\(moto.url)", "-e",
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "pint"}
            local told = false
            s3:upload_file("\(path)", "pint", "big.bin", {part_size = 5 * 1024 * 1024, concurrency = 1,
              on_progress = function(done, total)
                if done > 0 and not told then told = true; io.stderr:write("moving\\n") end
              end})
            io.stderr:write("not stopped\\n")
            """,
        ])
        XCTAssertTrue(running.waitForStderr("moving", timeout: 30), running.stderrSoFar)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 30)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted!"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("not stopped"), outcome.stderr)
        XCTAssertEqual(try moto.openMultipartUploads(in: "pint"), "0", "the multipart upload was aborted")
    }
}
