import AWSCore
import Foundation
import Host
import XCTest

/// Flexible checksums against the emulator: what S3 stores is what the script's bytes give,
/// for single requests and multipart uploads.
final class S3ChecksumTests: XCTestCase {
    func testNamedAndDefaultChecksumsAreStoredAndComeBack() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("checksums")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local named = s3:put_object{Bucket = "\(bucket)", Key = "named", Body = "abc", ChecksumAlgorithm = "SHA256"}
            local got = s3:get_object{Bucket = "\(bucket)", Key = "named"}
            s3:put_object{Bucket = "\(bucket)", Key = "default", Body = "123456789"}
            local head = s3:head_object{Bucket = "\(bucket)", Key = "default", ChecksumMode = "ENABLED"}
            return named.ChecksumSHA256, got.ChecksumSHA256, got.Body, head.ChecksumCRC32
            """)
        XCTAssertEqual(result[0], .string("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="))
        XCTAssertEqual(result[1], .string("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="), "validated on the way back")
        XCTAssertEqual(result[2], .string("abc"))
        XCTAssertEqual(result[3], .string(Base64.encode([0xCB, 0xF4, 0x39, 0x26])), "CRC32 by default")
    }

    func testAMultipartUploadSendsPartChecksumsAndGetsTheComposite() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("composite")
        let folder = NSTemporaryDirectory() + "gluescript-checksums-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<(11 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 7 >> 3) }
        let path = folder + "/big.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local up = s3:upload_file("\(path)", "\(bucket)", "big.bin",
              {progress = false, part_size = 5 * 1024 * 1024, extra = {ChecksumAlgorithm = "SHA1"}})
            local head = s3:head_object{Bucket = "\(bucket)", Key = "big.bin", ChecksumMode = "ENABLED"}
            local down = s3:download_file("\(bucket)", "big.bin", "\(folder)/big.out",
              {progress = false, part_size = 5 * 1024 * 1024})
            return up.parts, up.checksum, head.ChecksumSHA1, down.size
            """)
        let partSums = stride(from: 0, to: bytes.count, by: 5 * 1024 * 1024).map {
            ChecksumAlgorithm.sha1.base64(of: Array(bytes[$0..<min(bytes.count, $0 + 5 * 1024 * 1024)]))
        }
        let composite = try S3Transfer.compositeChecksum(partSums, algorithm: .sha1)
        XCTAssertEqual(result[0], .integer(3))
        XCTAssertEqual(result[1], .string(composite))
        XCTAssertEqual(
            result[2].stringValue.map { $0.contains("-") ? $0 : $0 + "-3" }, composite,
            "S3 composed the parts' checksums the script sent (moto's HeadObject leaves out the -3 S3 adds)")
        XCTAssertEqual(result[3], .integer(Int64(bytes.count)))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/big.out")), Data(bytes))
    }
}
