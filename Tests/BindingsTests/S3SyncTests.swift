import Foundation
import Host
import XCTest

/// `s3:sync` against the emulator: folder to S3, S3 to folder, S3 to S3.
final class S3SyncTests: XCTestCase {
    private func folder(files: Int) throws -> String {
        let root = NSTemporaryDirectory() + "gluescript-sync-\(UUID().uuidString)"
        for i in 1...files {
            let path = root + (i % 2 == 0 ? "/even/" : "/") + "file-\(i).csv"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "row \(i)\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        try "scratch".write(toFile: root + "/notes.tmp", atomically: true, encoding: .utf8)
        return root
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
