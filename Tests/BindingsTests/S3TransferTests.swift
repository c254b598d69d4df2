import AWSCore
import Foundation
import Host
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `s3:upload_file` and `s3:download_file` against the emulator: byte-exact round trips below
/// and above the multipart threshold, and clean failures.
final class S3TransferTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "gluescript-transfer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func randomFile(_ name: String, size: Int) throws -> (path: String, bytes: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    private func contents(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func testFilesAboveAndBelowTheThresholdComeBackByteForByte() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("transfer")
        let large = try randomFile("large.bin", size: 12 * 1024 * 1024 + 123)
        let small = try randomFile("small.bin", size: 100_000)
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local up = s3:upload_file("\(large.path)", "\(bucket)", "raw/large.bin",
              {progress = false, part_size = 5 * 1024 * 1024, extra = {ContentType = "application/x-test"}})
            local down = s3:download_file("\(bucket)", "raw/large.bin", "\(folder)/large.out",
              {progress = false, part_size = 5 * 1024 * 1024, concurrency = 2})
            local upSmall = s3:upload_file("\(small.path)", "\(bucket)", "small.bin", {progress = false})
            local downSmall = s3:download_file("\(bucket)", "small.bin", "\(folder)/small.out", {progress = false})
            local head = s3:head_object{Bucket = "\(bucket)", Key = "raw/large.bin"}
            local pending = s3:list_multipart_uploads{Bucket = "\(bucket)"}.Uploads
            return up.parts, up.size, down.size, down.parts, upSmall.parts, downSmall.size, head.ContentType,
              head.ContentLength, pending == nil or #pending == 0, type(up.ETag), type(up.seconds)
            """)
        XCTAssertEqual(result[0], .integer(3), "12 MiB in 5 MiB parts is three parts")
        XCTAssertEqual(result[1], .integer(Int64(large.bytes.count)))
        XCTAssertEqual(result[2], .integer(Int64(large.bytes.count)))
        XCTAssertEqual(result[3], .integer(3), "the download was made of three ranged requests")
        XCTAssertEqual(result[4], .integer(0), "a small file is one PutObject")
        XCTAssertEqual(result[5], .integer(100_000))
        XCTAssertEqual(result[6], .string("application/x-test"), "extra parameters reach the object")
        XCTAssertEqual(result[7], .integer(Int64(large.bytes.count)))
        XCTAssertEqual(result[8], .boolean(true), "no multipart upload is left open")
        XCTAssertEqual(result[9], .string("string"))
        XCTAssertEqual(result[10], .string("number"))
        XCTAssertTrue(try contents(folder + "/large.out") == large.bytes)
        XCTAssertTrue(try contents(folder + "/small.out") == small.bytes)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
            ["large.bin", "large.out", "small.bin", "small.out"], "no temporary file is left")
    }

    func testAnUploadToAMissingBucketLeavesNoUploadAndNamesTheError() throws {
        let lua = try makeEmulatorState()
        let file = try randomFile("f.bin", size: 10_000)
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            local ok, err = pcall(s3.upload_file, s3, "\(file.path)", "\(Emulator.uniqueName("missing"))", "k",
              {progress = false})
            local ok2, err2 = pcall(s3.upload_file, s3, "\(folder)/none.csv", "b", "k", {progress = false})
            local ok3, err3 = pcall(s3.upload_file, s3, "\(folder)", "b", "k", {progress = false})
            return ok, err.code, ok2, err2.code, err2.message, ok3, err3.code
            """)
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("NoSuchBucket"))
        XCTAssertEqual(result[2], .boolean(false))
        XCTAssertEqual(result[3], .string("FileNotFound"))
        XCTAssertTrue(result[4].stringValue?.contains("none.csv") ?? false)
        XCTAssertEqual(result[5], .boolean(false))
        XCTAssertEqual(result[6], .string("IsADirectory"))
    }

    func testFailedDownloadsLeaveNoFile() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("gone")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:put_object{Bucket = "\(bucket)", Key = "k", Body = "data"}
            local ok, err = pcall(s3.download_file, s3, "\(bucket)", "missing", "\(folder)/out.bin", {progress = false})
            local ok2, err2 = pcall(s3.download_file, s3, "\(bucket)", "k", "\(folder)/no/such/out.bin", {progress = false})
            local ok3, err3 = pcall(s3.download_file, s3, "\(bucket)", "k", "\(folder)", {progress = false})
            return ok, err.code, err.message, ok2, err2.code, ok3, err3.code
            """)
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("NoSuchKey"))
        XCTAssertTrue(result[2].stringValue?.contains("s3://\(bucket)/missing") ?? false)
        XCTAssertEqual(result[3], .boolean(false))
        XCTAssertEqual(result[4], .string("DirectoryNotFound"))
        XCTAssertEqual(result[5], .boolean(false))
        XCTAssertEqual(result[6], .string("IsADirectory"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "no file, no temporary file")
    }

    /// What a reader of a FIFO got, read on another thread.
    private final class FIFOReader: @unchecked Sendable {
        private(set) var bytes = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) {
            Thread.detachNewThread {
                self.bytes = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
                self.done.signal()
            }
        }

        func wait() -> [UInt8] {
            _ = done.wait(timeout: .now() + 20)
            return Array(bytes)
        }
    }

    func testLinksPipesAndDevicesAreWrittenThroughAndFoldersRefused() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("targets")
        let data = try randomFile("data.bin", size: 6 * 1024 * 1024 + 5)
        let real = try randomFile("real.bin", size: 10).path
        XCTAssertEqual(symlink(real, folder + "/link"), 0)
        XCTAssertEqual(mkfifo(folder + "/pipe1", 0o600), 0)
        XCTAssertEqual(mkfifo(folder + "/pipe2", 0o600), 0)
        let readers = [FIFOReader(folder + "/pipe1"), FIFOReader(folder + "/pipe2")]
        var null = stat()
        XCTAssertEqual(stat("/dev/null", &null), 0)
        let device = mknod(folder + "/null", S_IFCHR | 0o666, null.st_rdev) == 0 ? folder + "/null" : "/dev/null"
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:upload_file("\(data.path)", "\(bucket)", "k", {progress = false})
            local options = {progress = false, part_size = 5 * 1024 * 1024}
            s3:download_file("\(bucket)", "k", "\(folder)/link", options)
            s3:download_file("\(bucket)", "k", "\(folder)/pipe1", options)
            s3:get_object({Bucket = "\(bucket)", Key = "k"}, {to_file = "\(folder)/pipe2"})
            s3:download_file("\(bucket)", "k", "\(device)", options)
            s3:get_object({Bucket = "\(bucket)", Key = "k"}, {to_file = "\(device)"})
            local ok, err = pcall(s3.get_object, s3, {Bucket = "\(bucket)", Key = "k"}, {to_file = "\(folder)"})
            return ok, err.code, err.message
            """)
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("IsADirectory"))
        XCTAssertTrue(result[2].stringValue?.contains(folder) ?? false, "\(result[2])")
        XCTAssertTrue(try contents(real) == data.bytes, "the file the link names holds the object")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link"), real)
        for reader in readers {
            XCTAssertTrue(reader.wait() == data.bytes, "the reader of the FIFO got the object")
        }
        var info = stat()
        for name in ["pipe1", "pipe2"] {
            XCTAssertEqual(lstat(folder + "/" + name, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "\(name) is still a FIFO")
        }
        XCTAssertEqual(lstat(device, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "\(device) is still a device")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(
            names,
            (["data.bin", "link", "pipe1", "pipe2", "real.bin"] + (device == "/dev/null" ? [] : ["null"])).sorted(),
            "no temporary file")
    }

    func testAMisspeltOptionIsAnError() throws {
        let lua = try makeEmulatorState()
        XCTAssertThrowsError(
            try lua.run(#"local s3 = aws.client("s3"); s3:upload_file("x", "b", "k", {part_sise = 1})"#)
        ) { error in
            XCTAssertTrue("\(error)".contains("part_size"), "\(error)")
        }
    }
}
