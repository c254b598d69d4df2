import Foundation
import XCTest

@testable import AWSCore

/// The flexible checksums against published check values, an independent bit-by-bit
/// reference, and botocore's own values for the same bodies.
final class ChecksumAlgorithmTests: XCTestCase {
    private static let check = Array("123456789".utf8)

    /// The catalogue check values (CRC RevEng) and FIPS 180 examples.
    func testKnownVectors() {
        var crc32 = CRC32(.crc32)
        Self.check.withUnsafeBytes { crc32.update($0) }
        XCTAssertEqual(crc32.checksum, 0xCBF4_3926)
        var crc32c = CRC32(.crc32c)
        Self.check.withUnsafeBytes { crc32c.update($0) }
        XCTAssertEqual(crc32c.checksum, 0xE306_9283)
        var crc64 = CRC64NVME()
        Self.check.withUnsafeBytes { crc64.update($0) }
        XCTAssertEqual(crc64.checksum, 0xAE8B_1486_0A79_9888)
        XCTAssertEqual(ChecksumAlgorithm.crc32.base64(of: Self.check), Base64.encode([0xCB, 0xF4, 0x39, 0x26]))
        XCTAssertEqual(ChecksumAlgorithm.sha1.base64(of: Array("abc".utf8)), "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=")
        XCTAssertEqual(
            ChecksumAlgorithm.sha256.base64(of: Array("abc".utf8)), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        for algorithm in ChecksumAlgorithm.allCases {
            XCTAssertFalse(algorithm.base64(of: []).isEmpty, "\(algorithm) of an empty body")
        }
        XCTAssertEqual(ChecksumAlgorithm.crc32.base64(of: []), "AAAAAA==")
    }

    /// Bodies of every length around the eight-byte steps, fed whole and in odd pieces,
    /// against a plain bit-by-bit CRC written from the definition.
    func testTableDrivenCRCsMatchABitwiseReference() {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let expected32 = Self.bitwiseCRC32(bytes, polynomial: 0xEDB8_8320)
            let expected32c = Self.bitwiseCRC32(bytes, polynomial: 0x82F6_3B78)
            let expected64 = Self.bitwiseCRC64(bytes)
            var whole32 = CRC32(.crc32)
            var pieces32c = CRC32(.crc32c)
            var pieces64 = CRC64NVME()
            bytes.withUnsafeBytes { whole32.update($0) }
            var start = 0
            var step = 1
            while start < length {
                let end = min(length, start + step)
                bytes[start..<end].withUnsafeBytes { pieces32c.update($0) }
                bytes[start..<end].withUnsafeBytes { pieces64.update($0) }
                start = end
                step = step * 3 % 11 + 1
            }
            XCTAssertEqual(whole32.checksum, expected32, "CRC32 of \(length) bytes")
            XCTAssertEqual(pieces32c.checksum, expected32c, "CRC32C of \(length) bytes")
            XCTAssertEqual(pieces64.checksum, expected64, "CRC64NVME of \(length) bytes")
        }
    }

    /// The values botocore's checksum classes give for the same bodies (botocore computes CRC32,
    /// SHA1 and SHA256 without the CRT; CRC32C and CRC64NVME need awscrt, checked above instead).
    func testValuesMatchBotocores() throws {
        let bodies: [[UInt8]] = [
            [], Array("Hello world".utf8), (0..<60_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },
        ]
        let script = """
            import sys, json, base64
            from botocore.httpchecksum import Crc32Checksum, Sha1Checksum, Sha256Checksum
            out = []
            for body in json.loads(sys.argv[1]):
                data = base64.b64decode(body)
                row = {}
                for name, cls in (('CRC32', Crc32Checksum), ('SHA1', Sha1Checksum), ('SHA256', Sha256Checksum)):
                    c = cls(); c.update(data); row[name] = c.b64digest()
                out.append(row)
            print(json.dumps(out))
            """
        let input = try JSONSerialization.data(withJSONObject: bodies.map { Base64.encode($0) })
        let expected = try JSONDecoder().decode(
            [[String: String]].self,
            from: try BotocoreModelOracle.python(["-c", script, String(decoding: input, as: UTF8.self)]))
        XCTAssertEqual(expected.count, bodies.count)
        for (body, row) in zip(bodies, expected) {
            for (name, value) in row {
                XCTAssertEqual(
                    ChecksumAlgorithm(named: name)?.base64(of: body), value, "\(name) of \(body.count) bytes")
            }
        }
    }

    func testAFileRegionIsChecksummedAsItsBytes() throws {
        let folder = try TemporaryDirectory()
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 / 7) }
        let path = try folder.write("body", bytes)
        for algorithm in ChecksumAlgorithm.allCases {
            XCTAssertEqual(
                try algorithm.base64(of: .file(path: path, offset: 1_000_001, length: 1_500_000)),
                algorithm.base64(of: Array(bytes[1_000_001..<2_500_001])), "\(algorithm)")
        }
    }

    private static func bitwiseCRC32(_ bytes: [UInt8], polynomial: UInt32) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func bitwiseCRC64(_ bytes: [UInt8]) -> UInt64 {
        var crc: UInt64 = ~0
        for byte in bytes {
            crc ^= UInt64(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x9A6C_9329_AC4B_C9B5 : crc >> 1 }
        }
        return ~crc
    }
}
