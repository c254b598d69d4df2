import Foundation
import XCTest

@testable import AWSCore

final class GzipTests: XCTestCase {
    /// `printf 'hello gzip\n' | gzip -n`, as bytes.
    static let helloGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
        0x48, 0xaf, 0xca, 0x2c, 0xe0, 0x02, 0x00, 0x39, 0x7c, 0x63, 0x56, 0x0b, 0x00, 0x00, 0x00,
    ]

    func testDecompressesGzipData() throws {
        XCTAssertTrue(Gzip.isCompressed(Self.helloGzip))
        XCTAssertEqual(String(decoding: try Gzip.decompress(Self.helloGzip), as: UTF8.self), "hello gzip\n")
    }

    func testDataLargerThanOneBufferComesBackWhole() throws {
        let folder = try TemporaryDirectory()
        let original = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 1000) }
        let plain = try folder.write("big", original)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        XCTAssertEqual(try Gzip.decompress(compressed), original)
    }

    func testCutShortOrDamagedDataIsAnError() {
        XCTAssertThrowsError(try Gzip.decompress(Array(Self.helloGzip.prefix(20)))) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidCompressedData")
        }
        var damaged = Self.helloGzip
        damaged[12] ^= 0xff
        XCTAssertThrowsError(try Gzip.decompress(damaged)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidCompressedData")
        }
    }
}
