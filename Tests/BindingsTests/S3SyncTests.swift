import Foundation
import Host
import XCTest

/// `s3:sync` against the emulator: folder to S3, S3 to folder, S3 to S3.
final class S3SyncTests: XCTestCase {
    /// A folder of `files` small files (half in `even/`) and a `notes.tmp`, written an hour
    /// ago: as `aws s3 sync` does, a file changed in the same second as its upload, after it,
    /// is newer than the object (S3 keeps whole seconds) and goes up again.
    private func folder(files: Int) throws -> String {
        let root = NSTemporaryDirectory() + "gluescript-sync-\(UUID().uuidString)"
        for i in 1...files {
            let path = root + (i % 2 == 0 ? "/even/" : "/") + "file-\(i).csv"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "row \(i)\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        try "scratch".write(toFile: root + "/notes.tmp", atomically: true, encoding: .utf8)
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            try setModified(root + "/" + path, Date().addingTimeInterval(-3600))
        }
        return root
    }

    private func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    private func modified(_ path: String) throws -> Double {
        let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return date?.timeIntervalSince1970 ?? 0
    }

    func testTimesAreComparedToTheFullPrecisionAsTheCLICompareThem() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let root = try folder(files: 1)
        let down = NSTemporaryDirectory() + "gluescript-sync-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: down) }
        let sync = { (from: String, to: String) -> [LuaValue] in
            try lua.run(
                """
                local s3 = aws.client("s3")
                local done = s3:sync("\(from)", "\(to)", {exclude = "*.tmp"})
                return done.uploaded + done.downloaded, done.skipped
                """)
        }
        _ = try lua.run(#"aws.client("s3"):create_bucket{Bucket = "\#(bucket)"}"#)
        XCTAssertEqual(try sync(root, "s3://\(bucket)/p"), [.integer(1), .integer(0)])
        XCTAssertEqual(try sync(root, "s3://\(bucket)/p"), [.integer(0), .integer(1)], "a second run does nothing")
        XCTAssertEqual(try sync("s3://\(bucket)/p", down), [.integer(1), .integer(0)])
        let object = try modified(down + "/file-1.csv")
        XCTAssertEqual(object, object.rounded(), "the download took the object's LastModified, whole seconds")
        XCTAssertEqual(try sync("s3://\(bucket)/p", down), [.integer(0), .integer(1)], "a second run does nothing")
        try setModified(down + "/file-1.csv", Date(timeIntervalSince1970: object - 0.5))
        XCTAssertEqual(try sync("s3://\(bucket)/p", down), [.integer(0), .integer(1)], "an older local file stays")
        try setModified(down + "/file-1.csv", Date(timeIntervalSince1970: object + 0.5))
        XCTAssertEqual(
            try sync("s3://\(bucket)/p", down), [.integer(1), .integer(0)],
            "half a second newer than the object is newer, as the CLI has it")
        try setModified(root + "/file-1.csv", Date(timeIntervalSince1970: object + 0.5))
        XCTAssertEqual(
            try sync(root, "s3://\(bucket)/p"), [.integer(1), .integer(0)],
            "half a second newer than the object goes up again")
    }

    func testAFolderOfAThousandFilesGoesUpOnceAndMatchesTheListing() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let root = try folder(files: 1000)
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local reports, last_done, total = 0, 0, 0
            local first = s3:sync("\(root)", "s3://\(bucket)/raw", {exclude = {"*.tmp"}, concurrency = 20,
              on_progress = function(done, all) reports, last_done, total = reports + 1, done, all end})
            local second = s3:sync("\(root)", "s3://\(bucket)/raw/", {exclude = "*.tmp"})
            local listed = s3:collect("list_objects_v2", {Bucket = "\(bucket)", Prefix = "raw/"}).Contents
            local even = 0
            for _, object in ipairs(listed) do
              if object.Key:match("^raw/even/file%-%d+%.csv$") then even = even + 1 end
            end
            return first.uploaded, first.skipped, second.uploaded, second.skipped, #listed, even, reports,
              last_done == total and total == first.bytes and total > 0
            """)
        XCTAssertEqual(
            result,
            [
                .integer(1000), .integer(0), .integer(0), .integer(1000), .integer(1000), .integer(500), .integer(1000),
                .boolean(true),
            ])
    }

    func testDeleteDryrunDownloadAndServerSideCopy() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let root = try folder(files: 4)
        let download = NSTemporaryDirectory() + "gluescript-sync-\(UUID().uuidString)"
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:sync("\(root)", "s3://\(bucket)/a")
            s3:put_object{Bucket = "\(bucket)", Key = "a/stale.csv", Body = "old"}
            local plan = s3:sync("\(root)", "s3://\(bucket)/a", {delete = true, dryrun = true})
            local still = s3:head_object{Bucket = "\(bucket)", Key = "a/stale.csv"}.ContentLength
            local deleting = s3:sync("\(root)", "s3://\(bucket)/a", {delete = true})
            local copied = s3:sync("s3://\(bucket)/a", "s3://\(bucket)/b")
            local down = s3:sync("s3://\(bucket)/b", "\(download)")
            local again = s3:sync("s3://\(bucket)/b", "\(download)")
            local handle = io.open("\(download)/even/file-2.csv", "rb")
            local text = handle:read("a")
            handle:close()
            return table.concat(plan.plan.delete, ","), still, deleting.deleted, copied.copied, down.downloaded,
              again.downloaded, again.skipped, text
            """)
        XCTAssertEqual(
            result,
            [
                .string("stale.csv"), .integer(3), .integer(1), .integer(5), .integer(5), .integer(0), .integer(5),
                .string("row 2\n"),
            ])
    }
}
