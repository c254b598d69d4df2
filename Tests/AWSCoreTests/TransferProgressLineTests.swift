import XCTest

@testable import AWSCore

/// The transfer status line picks its unit by size, so small files do not read `0.0 MiB`.
final class TransferProgressLineTests: XCTestCase {
    func testA14KBUploadReadsInKiB() {
        let progress = S3TransferProgress(bytesDone: 7_000, totalBytes: 14_297, seconds: 0.5)
        XCTAssertEqual(
            TransferProgressLine(progress, verb: "upload", name: "part1.csv").text,
            "upload part1.csv: 6.8 KiB of 14.0 KiB (48%) 13.7 KiB/s")
    }

    func testEachUnitFromBytesToGiB() {
        XCTAssertEqual(TransferProgressLine.size(0), "0 B")
        XCTAssertEqual(TransferProgressLine.size(1023), "1023 B")
        XCTAssertEqual(TransferProgressLine.size(1024), "1.0 KiB")
        XCTAssertEqual(TransferProgressLine.size(5 * 1_048_576 + 524_288), "5.5 MiB")
        XCTAssertEqual(TransferProgressLine.size(3 << 30), "3.0 GiB")
    }
}
