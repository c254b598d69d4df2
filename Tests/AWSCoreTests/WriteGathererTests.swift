import Foundation
import XCTest

@testable import AWSCore

#if canImport(Glibc)
    import Glibc
#endif

/// Pieces of a body gathered before they are written: what reaches the file and when, for a
/// `WriteGatherer` alone and for the `DownloadRegion` that uses one.
final class WriteGathererTests: XCTestCase {
    private let bytes: [UInt8] = (0..<100).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }

    /// A temporary file beside `folder/target.bin`, as a download writes it.
    private func openFile(_ folder: TemporaryDirectory) throws -> DownloadFile {
        try DownloadTarget(folder.path + "/target.bin").openForWriting()
    }

    /// What the temporary file of `file` holds so far.
    private func written(_ file: DownloadFile) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file.temporaryPath!)))
    }

    private func add(_ gatherer: WriteGatherer, _ range: Range<Int>) throws -> Int {
        try bytes[range].withUnsafeBytes { try gatherer.add($0) }
    }

    private func receive(_ region: DownloadRegion, _ range: Range<Int>) throws {
        try bytes[range].withUnsafeBytes { try region.receive($0) }
    }

    func testAPieceThatStraddlesTheCapacityFillsOneWriteAndStartsTheNext() throws {
        let folder = try TemporaryDirectory()
        let file = try openFile(folder)
        let gatherer = WriteGatherer(file: file, capacity: 10)
        gatherer.start(at: 0)
        XCTAssertEqual(try add(gatherer, 0..<7), 0, "fewer bytes than the capacity wait in memory")
        XCTAssertEqual(try written(file), [])
        XCTAssertEqual(try add(gatherer, 7..<14), 10, "the piece that crosses the capacity fills one write")
        XCTAssertEqual(try written(file), Array(bytes[0..<10]))
        XCTAssertEqual(gatherer.held, 4, "and the rest of it waits for the next")
        XCTAssertEqual(
            try add(gatherer, 14..<40), 30, "a long piece tops up what is held, and its rest goes in one write")
        XCTAssertEqual(gatherer.held, 0)
        XCTAssertEqual(try add(gatherer, 40..<43), 0)
        XCTAssertEqual(try gatherer.end(), 3, "the end writes what is held")
        XCTAssertEqual(try written(file), Array(bytes[0..<43]), "every byte once, in order")
        XCTAssertEqual(try gatherer.end(), 0, "a second end writes nothing")
    }

    func testAPieceOfAtLeastTheCapacityWithNothingHeldIsWrittenAsItIs() throws {
        let folder = try TemporaryDirectory()
        let file = try openFile(folder)
        let gatherer = WriteGatherer(file: file, capacity: 10)
        gatherer.start(at: 5)
        XCTAssertEqual(try add(gatherer, 0..<25), 25)
        XCTAssertEqual(gatherer.held, 0)
        XCTAssertEqual(try written(file), Array(repeating: 0, count: 5) + Array(bytes[0..<25]), "at the offset given")
    }

    func testARegionIsCompleteOnlyOnceItsLastByteIsInTheFile() throws {
        let folder = try TemporaryDirectory()
        let file = try openFile(folder)
        let region = DownloadRegion(file: file, source: "s3://b/k", offset: 30, length: 25, gathering: 10)
        try region.begin(declaredLength: 25)
        var seen: [Int64] = []
        for range in [0..<7, 7..<14, 14..<21] {
            try receive(region, range)
            seen.append(region.written)
        }
        XCTAssertEqual(seen, [0, 10, 20], "bytes held in memory are not counted as written")
        XCTAssertFalse(region.isComplete)
        try receive(region, 21..<25)
        XCTAssertTrue(region.isComplete, "the region's last byte writes what is held")
        XCTAssertEqual(try written(file), Array(repeating: 0, count: 30) + Array(bytes[0..<25]))
        XCTAssertThrowsError(try receive(region, 25..<26)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "BodyTooLong", "\($0)")
        }
        XCTAssertEqual(try written(file).count, 55, "the byte too many is not written")
    }

    func testABodyThatStopsMidGatheringIsNotComplete() throws {
        let folder = try TemporaryDirectory()
        let file = try openFile(folder)
        let region = DownloadRegion(file: file, source: "s3://b/k", offset: 0, length: 25, gathering: 10)
        try region.begin(declaredLength: nil)
        try receive(region, 0..<14)
        try region.end()
        XCTAssertEqual(region.written, 14, "the end of the body writes what was held")
        XCTAssertFalse(region.isComplete, "but a body cut short is not taken for the region")
        try region.begin(declaredLength: 25)
        XCTAssertEqual(region.written, 0, "a temporary file is written over by the next attempt")
        try receive(region, 0..<25)
        XCTAssertTrue(region.isComplete)
        XCTAssertEqual(try written(file), Array(bytes[0..<25]))
    }

    func testAWriteThatFailsIsAnErrorWhenTheHeldBytesAreWritten() throws {
        let target = try DownloadTarget("/dev/full")
        let file = try target.openForWriting()
        let region = DownloadRegion(file: file, source: "s3://b/k", offset: 0, length: 25, gathering: 10)
        try region.begin(declaredLength: 25)
        try receive(region, 0..<7)
        XCTAssertThrowsError(try receive(region, 7..<14)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "FileNotWritable", "\($0)")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("/dev/full") ?? false, "\($0)")
        }
        XCTAssertEqual(region.written, 0)
        XCTAssertFalse(region.isComplete)
    }
}
