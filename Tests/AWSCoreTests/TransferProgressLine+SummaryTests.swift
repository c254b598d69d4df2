import AWSCore
import XCTest

/// The one status line of several transfers side by side: their bytes and speeds added up.
final class TransferProgressLineSummaryTests: XCTestCase {
    func testOneTransferReadsAsItDoesAlone() {
        let progress = S3TransferProgress(bytesDone: 7_000, totalBytes: 14_297, seconds: 0.5)
        XCTAssertEqual(
            TransferProgressLine(summing: [("upload", "part1.csv", progress)]).text,
            TransferProgressLine(progress, verb: "upload", name: "part1.csv").text)
    }

    func testSeveralTransfersShareOneLineAddingUpBytesAndSpeeds() {
        let mebibyte: Int64 = 1 << 20
        let line = TransferProgressLine(summing: [
            ("upload", "a.csv", S3TransferProgress(bytesDone: 10 * mebibyte, totalBytes: 40 * mebibyte, seconds: 1)),
            ("download", "b.csv", S3TransferProgress(bytesDone: 20 * mebibyte, totalBytes: 40 * mebibyte, seconds: 2)),
            ("upload", "c.csv", S3TransferProgress(bytesDone: 10 * mebibyte, totalBytes: 16 * mebibyte, seconds: 4)),
        ])
        XCTAssertEqual(line.text, "3 transfers (2 upload, 1 download): 40.0 MiB of 96.0 MiB (41%) 22.5 MiB/s")
    }

    func testTransfersOfNothingReadAsDone() {
        let nothing = S3TransferProgress(bytesDone: 0, totalBytes: 0, seconds: 0)
        XCTAssertEqual(
            TransferProgressLine(summing: [("upload", "a", nothing), ("upload", "b", nothing)]).text,
            "2 transfers (2 upload): 0 B of 0 B (100%) 0 B/s")
    }
}
