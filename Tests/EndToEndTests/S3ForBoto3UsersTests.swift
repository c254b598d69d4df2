import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// S3 as boto3 users expect it, through the binary against the emulator: bucket names
/// checked before sending, open files as bodies, metadata keys in the case sent back,
/// transfer progress in readable units, and a wait stopped by Ctrl-C leaving a clean line.
final class S3ForBoto3UsersTests: XCTestCase {
    func testAnS3URLAsBucketIsRefusedBeforeSendingWithTheFix() throws {
        let outcome = try GluescriptProcess.run(
            [
                "--endpoint-url", "http://127.0.0.1:9", "-e",
                "aws.client('s3'):list_objects_v2{Bucket = 's3://my-bucket/raw'}",
            ],
            environment: ["AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(
            outcome.stderr.contains(
                #"ValidationError: Invalid parameters for s3.ListObjectsV2: Bucket: invalid bucket name "s3://my-bucket/raw""#
            ), outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(#"give Bucket = "my-bucket" and put "raw" in front of the key"#), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("ConnectionError"), "nothing was sent: \(outcome.stderr)")
    }

    func testAnAccessPointARNIsLetThrough() throws {
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                """
                local r = aws.client('s3'):build_request('get_object',
                  {Bucket = 'arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap', Key = 'k'})
                print(r.url)
                """,
            ],
            environment: ["AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("https://"), outcome.stdout)
    }

    func testAnOpenFileIsStreamedFromItsPosition() throws {
        var environment = try EmulatorEndpoint.environment()
        let scratch = try ScratchFolder()
        environment["DATA_FILE"] = try scratch.write(
            "data.csv", "header to skip\n" + String(repeating: "a,b,c\n", count: 3000))
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                """
                local s3 = aws.client("s3")
                local bucket = "gluescript-file-body"
                pcall(s3.create_bucket, s3, {Bucket = bucket})
                local f = assert(io.open(os.getenv("DATA_FILE"), "rb"))
                f:read("l")
                s3:put_object{Bucket = bucket, Key = "rest.csv", Body = f}
                f:close()
                local got = s3:get_object{Bucket = bucket, Key = "rest.csv"}
                print(#got.Body, got.Body:sub(1, 6) == "a,b,c\\n")
                local upload = s3:create_multipart_upload{Bucket = bucket, Key = "part.csv"}
                local part = assert(io.open(os.getenv("DATA_FILE"), "rb"))
                local etag = s3:upload_part{Bucket = bucket, Key = "part.csv", UploadId = upload.UploadId,
                                            PartNumber = 1, Body = part}.ETag
                part:close()
                s3:complete_multipart_upload{Bucket = bucket, Key = "part.csv", UploadId = upload.UploadId,
                  MultipartUpload = {Parts = {{PartNumber = 1, ETag = etag}}}}
                print(s3:head_object{Bucket = bucket, Key = "part.csv"}.ContentLength)
                local ok, err = pcall(s3.put_object, s3, {Bucket = bucket, Key = "x", Body = part})
                print(err.message or err)
                """,
            ], environment: environment, timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, outcome.stdout)
        XCTAssertEqual(lines.first, "18000\ttrue")
        XCTAssertEqual(lines.dropFirst().first, "18015")
        XCTAssertTrue(lines.last?.contains("closed file") ?? false, outcome.stdout)
    }

    func testMetadataKeysAreWhatTheServiceReturns() throws {
        let environment = try EmulatorEndpoint.environment()
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                """
                local s3 = aws.client("s3")
                pcall(s3.create_bucket, s3, {Bucket = "gluescript-meta-case"})
                s3:put_object{Bucket = "gluescript-meta-case", Key = "k", Body = "x", Metadata = {Owner = "data team"}}
                for key, value in pairs(s3:head_object{Bucket = "gluescript-meta-case", Key = "k"}.Metadata) do
                  print(key, value)
                end
                """,
            ], environment: environment, timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout, "owner\tdata team\n", "as S3 and boto3 give it: the emulator sends it lower-cased")
    }

    func testTheProgressOfASmallUploadReadsInKiB() throws {
        var environment = try EmulatorEndpoint.environment()
        let scratch = try ScratchFolder()
        environment["DATA_FILE"] = try scratch.write("part1.csv", String(repeating: "x", count: 14_297))
        let outcome = try GluescriptProcess.run(
            [
                "-e",
                """
                local s3 = aws.client("s3")
                pcall(s3.create_bucket, s3, {Bucket = "gluescript-progress"})
                s3:upload_file(os.getenv("DATA_FILE"), "gluescript-progress", "part1.csv", {progress = true})
                """,
            ], environment: environment, timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("14.0 KiB of 14.0 KiB (100%)"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("0.0 of 0.0"), outcome.stderr)
    }

    func testCtrlCDuringAWaitLeavesACleanLine() throws {
        var environment = try EmulatorEndpoint.environment()
        environment["AWS_MAX_ATTEMPTS"] = "1"
        let running = try GluescriptProcess(
            [
                "-e",
                """
                aws.client("s3"):wait("bucket_exists", {Bucket = "gluescript-never-made"},
                                      {delay = 0.2, max_attempts = 1000, progress = true})
                """,
            ], environment: environment)
        XCTAssertTrue(running.waitForStderr("attempt 2"), running.stderrSoFar)
        running.signal(SIGINT)
        let outcome = running.finish(timeout: 10)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        guard let lastDraw = outcome.stderr.range(of: "\rwaiting for", options: .backwards),
            let clear = outcome.stderr.range(of: "\r", range: lastDraw.upperBound..<outcome.stderr.endIndex)
        else { return XCTFail("no status line: \(outcome.stderr.debugDescription)") }
        let drawn = outcome.stderr[lastDraw.lowerBound..<clear.lowerBound].dropFirst()
        let shown = drawn.trimmingCharacters(in: .whitespaces)
        let rest = outcome.stderr[clear.lowerBound...]
        let blank = "\r" + String(repeating: " ", count: shown.count + 2) + "\r"
        XCTAssertTrue(
            rest.hasPrefix(blank), "the line and the ^C echoed after it are blanked: \(rest.debugDescription)")
        XCTAssertTrue(rest.dropFirst(blank.count).hasPrefix("gluescript: "), rest.debugDescription)
    }
}
