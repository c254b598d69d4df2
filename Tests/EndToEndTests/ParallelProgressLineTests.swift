import Foundation
import XCTest

/// Transfers running side by side in `aws.parallel` with `progress = true` share one status
/// line on stderr, summed up, instead of each redrawing its own over the others'.
final class ParallelProgressLineTests: XCTestCase {
    func testTwoUploadsSideBySideDrawOneSummedLine() throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder()
        for name in ["a.bin", "b.bin"] {
            let path = scratch.url.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(count: 16 * 1024 * 1024)))
        }
        let folder = scratch.url.path
        let options = "{progress = true, part_size = 5 * 1024 * 1024, concurrency = 1}"
        let outcome = try GluescriptProcess([
            "--local=\(moto.url)", "-e",
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "lines"}
            aws.parallel(
              function() s3:upload_file("\(folder)/a.bin", "lines", "a.bin", \(options)) end,
              function() s3:upload_file("\(folder)/b.bin", "lines", "b.bin", \(options)) end)
            print("done")
            """,
        ]).finish(timeout: 120)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "done\n")
        let notices = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("gluescript: ") }
        XCTAssertLessThanOrEqual(notices.count, 1, "at most --local's notice: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("gluescript: ") }.joined(separator: "\n")
        let drawn = lines.split(separator: "\r").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        XCTAssertTrue(
            drawn.contains { $0.hasPrefix("2 transfers (2 upload): ") && $0.hasSuffix("/s") }, outcome.stderr)
        XCTAssertTrue(drawn.allSatisfy { $0.hasPrefix("2 transfers") || $0.hasPrefix("upload ") }, outcome.stderr)
        XCTAssertTrue(
            lines.hasSuffix("\r"), "the line is blanked at the end: \(outcome.stderr.debugDescription)")
    }
}
