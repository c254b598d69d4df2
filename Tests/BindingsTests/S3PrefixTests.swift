import AWSCore
import Foundation
import Host
import XCTest

/// `s3:delete_prefix` and `s3:copy` against the emulator.
final class S3PrefixTests: XCTestCase {
    func testDeletePrefixRemovesEveryKeyUnderItAndNothingElse() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local keys = {}
            for i = 1, 2500 do keys[i] = string.format("tmp/part-%04d", i) end
            keys[#keys + 1] = "keep/one"
            keys[#keys + 1] = "tmpfile"
            aws.map(keys, function(key) s3:put_object{Bucket = "\(bucket)", Key = key, Body = "x"} end, {limit = 20})
            local result = s3:delete_prefix("\(bucket)", "tmp/")
            local left = {}
            for page in s3:paginate("list_objects_v2", {Bucket = "\(bucket)"}) do
              for _, object in ipairs(page.Contents or {}) do left[#left + 1] = object.Key end
            end
            table.sort(left)
            return result.deleted, result.requests, #result.failed, table.concat(left, " ")
            """)
        XCTAssertEqual(result, [.integer(2500), .integer(3), .integer(0), .string("keep/one tmpfile")])
    }

    func testCopyAboveTheThresholdCopiesPartsOnTheServerKeepingTypeAndMetadata() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local body = string.rep("0123456789abcdef", 11 * 65536)
            s3:put_object{Bucket = "\(bucket)", Key = "big.bin", Body = body, ContentType = "application/x-test",
              Metadata = {origin = "lab"}}
            local copied = s3:copy({Bucket = "\(bucket)", Key = "big.bin"}, "\(bucket)", "copy.bin",
              {multipart_threshold = 10 * 1024 * 1024, part_size = 5 * 1024 * 1024})
            local got = s3:get_object{Bucket = "\(bucket)", Key = "copy.bin"}
            local small = s3:copy("\(bucket)/big.bin", "\(bucket)", "small-copy.bin")
            local plain = s3:head_object{Bucket = "\(bucket)", Key = "small-copy.bin"}
            return copied.parts, got.Body == body, got.ContentType, got.Metadata.origin, got.ETag,
              small.parts, plain.ETag
            """)
        XCTAssertEqual(result[0], .integer(3))
        XCTAssertEqual(result[1], .boolean(true), "the copy has the source's bytes")
        XCTAssertEqual(result[2], .string("application/x-test"))
        XCTAssertEqual(result[3], .string("lab"))
        XCTAssertTrue(result[4].stringValue?.hasSuffix("-3\"") == true, "a multipart ETag: \(result[4])")
        XCTAssertEqual(result[5], .integer(1))
        XCTAssertFalse(result[6].stringValue?.contains("-") == true, "CopyObject's ETag: \(result[6])")
    }

    func testDeletePrefixRaisesWithEveryKeyThatFailed() throws {
        let server = try TestHTTPServer { request in
            if request.method == "GET" {
                return TestHTTPServer.Reply(
                    body: """
                        <ListBucketResult><IsTruncated>false</IsTruncated>\
                        <Contents><Key>p/a</Key><Size>1</Size></Contents>\
                        <Contents><Key>p/b</Key><Size>1</Size></Contents></ListBucketResult>
                        """)
            }
            return TestHTTPServer.Reply(
                body: """
                    <DeleteResult><Error><Key>p/b</Key><Code>AccessDenied</Code>\
                    <Message>Access Denied</Message></Error></DeleteResult>
                    """)
        }
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL,
        ])
        let result = try state.run(
            """
            local ok, err = pcall(aws.client("s3").delete_prefix, aws.client("s3"), "b", "p/")
            return ok, err.code, err.result.deleted, err.failed[1].Key, err.failed[1].Code, tostring(err)
            """, name: "=test")
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("DeleteFailed"))
        XCTAssertEqual(result[2], .integer(1))
        XCTAssertEqual(result[3], .string("p/b"))
        XCTAssertEqual(result[4], .string("AccessDenied"))
        XCTAssertTrue(result[5].stringValue?.contains("1 of 2 keys") == true, "\(result[5])")
        let deleteBody = server.requests.first { $0.method == "POST" }.map { String(decoding: $0.body, as: UTF8.self) }
        XCTAssertTrue(deleteBody?.contains("<Key>p/a</Key>") == true, deleteBody ?? "no DeleteObjects")
    }
}
