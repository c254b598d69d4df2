import XCTest

@testable import AWSCore

/// How files are cut into parts: sizes, S3's 5 MiB minimum and 10,000-part limit, byte ranges.
final class S3TransferPartPlanTests: XCTestCase {
    private let mib: Int64 = 1024 * 1024

    func testPartsCoverTheFileInOrderWithAShorterLastPart() {
        let parts = PartPlan.parts(size: 20 * mib + 3, partSize: 8 * mib)
        XCTAssertEqual(parts.map(\.number), [1, 2, 3])
        XCTAssertEqual(parts.map(\.offset), [0, 8 * mib, 16 * mib])
        XCTAssertEqual(parts.map(\.length), [8 * mib, 8 * mib, 4 * mib + 3])
        XCTAssertEqual(parts.map(\.length).reduce(0, +), 20 * mib + 3)
    }

    func testAFileOfExactlyWholePartsHasNoEmptyPart() {
        XCTAssertEqual(PartPlan.parts(size: 16 * mib, partSize: 8 * mib).count, 2)
        XCTAssertEqual(PartPlan.parts(size: 0, partSize: 8 * mib), [])
    }

    func testPartsBelowFiveMiBAreRaisedUnlessTheMinimumIsLowered() {
        XCTAssertEqual(PartPlan.partSize(forSize: 100 * mib, requested: 1 * mib), 5 * mib)
        XCTAssertEqual(PartPlan.partSize(forSize: 100 * mib, requested: 256 * 1024, minimum: 1), 256 * 1024)
    }

    func testPartsGrowSoThatNoUploadNeedsMoreThanTenThousand() {
        let size = 100 * 1024 * mib
        let partSize = PartPlan.partSize(forSize: size, requested: 8 * mib)
        XCTAssertEqual(partSize, 16 * mib)
        let parts = PartPlan.parts(size: size, partSize: partSize)
        XCTAssertLessThanOrEqual(parts.count, PartPlan.maximumParts)
        XCTAssertEqual(PartPlan.parts(size: 80_000 * mib, partSize: 8 * mib).count, 10_000)
        XCTAssertEqual(PartPlan.partSize(forSize: 80_000 * mib, requested: 8 * mib), 8 * mib)
    }

    func testRangesAreInclusiveAtBothEnds() {
        let parts = PartPlan.parts(size: 10, partSize: 4)
        XCTAssertEqual(parts.map(\.rangeHeader), ["bytes=0-3", "bytes=4-7", "bytes=8-9"])
    }

    func testTheProgressLineShowsMiBPercentAndSpeed() {
        let progress = S3TransferProgress(bytesDone: 12 * mib, totalBytes: 100 * mib, seconds: 0.5)
        XCTAssertEqual(
            TransferProgressLine(progress, verb: "upload", name: "part1.csv").text,
            "upload part1.csv: 12.0 MiB of 100.0 MiB (12%) 24.0 MiB/s")
    }
}
