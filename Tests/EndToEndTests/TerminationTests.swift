import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM and SIGHUP in the middle of a transfer clean up as Ctrl-C does: the multipart
/// upload is aborted, the temporary download file removed, and the exit status is 128 + the
/// signal (143, 129).
final class TerminationTests: XCTestCase {
    private static let size = 64 * 1024 * 1024

    private func run(_ moto: MotoServer, _ script: String) throws -> GluescriptProcess {
        try GluescriptProcess(["--local=\(moto.url)", "-e", script])
    }

    private func bigFile(in scratch: ScratchFolder) throws -> String {
        let path = scratch.url.appendingPathComponent("big.bin").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(count: Self.size)))
        return path
    }

    /// The transfer runs one 5 MiB part at a time with its progress on stderr, so the signal
    /// comes once bytes are moving and long before the end.
    private static let options = "{progress = true, part_size = 5 * 1024 * 1024, concurrency = 1}"

    func testSIGTERMDuringAnUploadAbortsItAndExitsWith143() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        let path = try bigFile(in: scratch)
        let running = try run(
            moto,
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "term"}
            s3:upload_file("\(path)", "term", "big.bin", \(Self.options))
            """)
        XCTAssertTrue(running.waitForStderr("MiB", timeout: 30), running.stderrSoFar)
        running.signal(SIGTERM)
        let outcome = running.finish(timeout: 30)
        XCTAssertEqual(outcome.status, 143, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("interrupted"), outcome.stderr)
        XCTAssertEqual(try moto.openMultipartUploads(in: "term"), "0", "the multipart upload was aborted")
    }

    func testSIGHUPDuringADownloadRemovesTheTemporaryFileAndExitsWith129() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        let path = try bigFile(in: scratch)
        let uploaded = try run(
            moto,
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "hup"}
            s3:upload_file("\(path)", "hup", "big.bin", {progress = false})
            """
        ).finish(timeout: 60)
        XCTAssertEqual(uploaded.status, 0, uploaded.stderr)
        let target = scratch.url.appendingPathComponent("out.bin").path
        let running = try run(
            moto, "aws.client('s3'):download_file('hup', 'big.bin', '\(target)', \(Self.options))")
        XCTAssertTrue(running.waitForStderr("MiB", timeout: 30), running.stderrSoFar)
        running.signal(SIGHUP)
        let outcome = running.finish(timeout: 30)
        XCTAssertEqual(outcome.status, 129, outcome.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["big.bin"],
            "neither the target nor a temporary file is left")
    }

    func testSIGTERMEndsABusyScriptWith143() throws {
        let running = try GluescriptProcess(["-e", "io.stderr:write('started\\n'); while true do end"])
        XCTAssertTrue(running.waitForStderr("started"), "the script never started")
        running.signal(SIGTERM)
        let outcome = running.finish(timeout: 5)
        XCTAssertEqual(outcome.status, 143, outcome.stderr)
    }
}
