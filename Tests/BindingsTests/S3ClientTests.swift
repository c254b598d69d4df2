import AWSCore
import Foundation
import Host
import XCTest

/// The demo's S3 calls against the emulator: bucket, put/get/head/list/copy/delete objects,
/// bucket policy, and S3's errors.
final class S3ClientTests: XCTestCase {
    func testObjectsRoundTripWithTheirBytesAndMetadata() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("bucket")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local bytes = "a\\0b\\255 binary"
            s3:put_object{Bucket = "\(bucket)", Key = "raw/weather/part 1 ï.csv", Body = bytes,
              ContentType = "text/csv", Metadata = {source = "santa-rosa"}}
            local got = s3:get_object{Bucket = "\(bucket)", Key = "raw/weather/part 1 ï.csv"}
            local head = s3:head_object{Bucket = "\(bucket)", Key = "raw/weather/part 1 ï.csv"}
            s3:copy_object{Bucket = "\(bucket)", Key = "copy.csv",
              CopySource = {Bucket = "\(bucket)", Key = "raw/weather/part 1 ï.csv"}}
            local listed = s3:list_objects_v2{Bucket = "\(bucket)"}
            local keys = {}
            for _, o in ipairs(listed.Contents) do keys[#keys + 1] = o.Key end
            table.sort(keys)
            local deleted = s3:delete_objects{Bucket = "\(bucket)", Delete = {Objects = {
              {Key = "copy.csv"}, {Key = "raw/weather/part 1 ï.csv"}}}}
            s3:delete_bucket{Bucket = "\(bucket)"}
            return got.Body == bytes, got.ContentType, got.Metadata.source, head.ContentLength,
              table.concat(keys, "|"), #deleted.Deleted, type(got.LastModified)
            """)
        XCTAssertEqual(result[0], .boolean(true), "the body comes back byte for byte")
        XCTAssertEqual(result[1], .string("text/csv"))
        XCTAssertEqual(result[2], .string("santa-rosa"))
        XCTAssertEqual(result[3], .integer(11))
        XCTAssertEqual(result[4], .string("copy.csv|raw/weather/part 1 ï.csv"))
        XCTAssertEqual(result[5], .integer(2))
        XCTAssertEqual(result[6], .string("string"))
    }

    func testGetObjectStreamsToAFile() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("file")
        let path = NSTemporaryDirectory() + "gluescript-\(UUID().uuidString).csv"
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:put_object{Bucket = "\(bucket)", Key = "k", Body = string.rep("row,1\\n", 1000)}
            local out = s3:get_object({Bucket = "\(bucket)", Key = "k"}, {to_file = "\(path)"})
            s3:delete_object{Bucket = "\(bucket)", Key = "k"}
            s3:delete_bucket{Bucket = "\(bucket)"}
            return out.Body, out.ContentLength
            """)
        XCTAssertEqual(result[0], .nil, "the body went to the file, not into memory")
        XCTAssertEqual(result[1], .integer(6000))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8).count, 6000)
        let mask = umask(0)
        umask(mask)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o666 & ~Int(mask), "a downloaded file gets the umask's permissions")
    }

    func testBucketPolicyAsATableAndTheErrorsOfMissingThings() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("policy")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:put_bucket_policy{Bucket = "\(bucket)", Policy = {Version = "2012-10-17", Statement = {{
              Effect = "Deny", Principal = "*", Action = "s3:DeleteBucket", Resource = "arn:aws:s3:::\(bucket)"}}}}
            local policy = aws.json.decode(s3:get_bucket_policy{Bucket = "\(bucket)"}.Policy)
            local ok, missing = pcall(s3.head_object, s3, {Bucket = "\(bucket)", Key = "nope"})
            local ok2, nobucket = pcall(s3.get_object, s3, {Bucket = "\(bucket)-gone", Key = "k"})
            s3:delete_bucket_policy{Bucket = "\(bucket)"}
            s3:delete_bucket{Bucket = "\(bucket)"}
            return policy.Statement[1].Effect, missing.code, missing.status, nobucket.code, nobucket.BucketName
            """)
        XCTAssertEqual(
            result,
            [.string("Deny"), .string("NotFound"), .integer(404), .string("NoSuchBucket"), .string(bucket + "-gone")])
    }

    func testListingWithMaxKeysOneFollowsEveryPage() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("pages")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            for i = 1, 7 do s3:put_object{Bucket = "\(bucket)", Key = "raw/" .. i, Body = "x"} end
            local pages, keys = 0, 0
            for page in s3:paginate("list_objects_v2", {Bucket = "\(bucket)", Prefix = "raw/", MaxKeys = 1}) do
              pages = pages + 1
              keys = keys + #(page.Contents or {})
            end
            s3:wait("bucket_exists", {Bucket = "\(bucket)"}, {progress = false})
            for i = 1, 7 do s3:delete_object{Bucket = "\(bucket)", Key = "raw/" .. i} end
            s3:delete_bucket{Bucket = "\(bucket)"}
            s3:wait("bucket_not_exists", {Bucket = "\(bucket)"}, {progress = false})
            return pages, keys
            """)
        XCTAssertEqual(result, [.integer(7), .integer(7)])
    }

    func testRequestsUsePathStyleOnAnEmulatorAndVirtualHostsOnAWS() throws {
        let onAWS = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "eu-west-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        let urls = try onAWS.run(
            """
            local s3 = aws.client("s3")
            local r = s3:build_request("create_bucket", {Bucket = "demo-bucket"})
            return s3:build_request("get_object", {Bucket = "demo-bucket", Key = "a b/c"}).url,
              s3:build_request("get_object", {Bucket = "demo.bucket", Key = "k"}).url, r.body
            """)
        XCTAssertEqual(urls[0], .string("https://demo-bucket.s3.eu-west-1.amazonaws.com/a%20b/c"))
        XCTAssertEqual(urls[1], .string("https://s3.eu-west-1.amazonaws.com/demo.bucket/k"))
        XCTAssertTrue(urls[2].stringValue?.contains("<LocationConstraint>eu-west-1</LocationConstraint>") ?? false)
        let lua = try makeEmulatorState()
        let local = try lua.run("return aws.client('s3'):build_request('get_object', {Bucket = 'b', Key = 'k'}).url")
        XCTAssertEqual(local, [.string(lua.emulator.url + "/b/k")])
    }

    func testACopySourceTableWithoutStringsIsNamed() throws {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        let message = try state.run(
            """
            local s3 = aws.client("s3")
            local ok, e = pcall(s3.build_request, s3, "copy_object", {Bucket = "b", Key = "k", CopySource = {Bucket = 5}})
            return e.message
            """)
        XCTAssertTrue(message.first?.stringValue?.contains("CopySource: give") ?? false, "\(message)")
    }

    /// A client may opt out of default checksums, as boto3's `Config(request_checksum_calculation=)`.
    func testAClientOptionTurnsDefaultChecksumsOff() throws {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        ])
        let result = try state.run(
            """
            local put = {Bucket = 'b', Key = 'k', Body = 'x'}
            local default = aws.client('s3'):build_request('put_object', put).headers
            local quiet = aws.client('s3', {request_checksum_calculation = 'when_required'})
            local get = quiet:build_request('get_object', {Bucket = 'b', Key = 'k'}).headers
            local strict = aws.client('s3', {response_checksum_validation = 'when_required'})
            local ok, e = pcall(aws.client, 's3', {request_checksum_calculation = 'never'})
            return default['x-amz-checksum-crc32'] ~= nil, quiet:build_request('put_object', put).headers['x-amz-checksum-crc32'],
              get['x-amz-checksum-mode'], strict:build_request('get_object', {Bucket = 'b', Key = 'k'}).headers['x-amz-checksum-mode'],
              e.code
            """)
        XCTAssertEqual(result, [.boolean(true), .nil, .string("ENABLED"), .nil, .string("ValidationError")])
    }

    /// DeleteObjects requires a checksum: current botocore sends CRC32 (not Content-MD5), even
    /// with `request_checksum_calculation = when_required`.
    func testDeleteObjectsCarriesACRC32Checksum() throws {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_REQUEST_CHECKSUM_CALCULATION": "when_required",
        ])
        let headers = try state.run(
            """
            local h = aws.client('s3'):build_request('delete_objects', {Bucket = 'b', Delete = {Objects = {{Key = 'k'}}}}).headers
            return h['x-amz-checksum-crc32'], h['x-amz-sdk-checksum-algorithm'], h['Content-MD5']
            """)
        XCTAssertEqual(headers.first?.stringValue?.count, 8)
        XCTAssertEqual(headers[1], .string("CRC32"))
        XCTAssertEqual(headers[2], .nil)
    }
}

/// Presigned URLs work without credentials.
final class S3PresignTests: XCTestCase {
    func testAPresignedURLFetchesTheObject() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("presign")
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            s3:put_object{Bucket = "\(bucket)", Key = "report.csv", Body = "a,b\\n1,2\\n"}
            return s3:presign("get_object", {Bucket = "\(bucket)", Key = "report.csv"}, {expires = 600})
            """)
        let url = try XCTUnwrap(result.first?.stringValue)
        XCTAssertTrue(url.contains("X-Amz-Expires=600") && url.contains("X-Amz-Signature="), url)
        let response = try CurlTransport().send(HTTPRequest(method: "GET", url: url))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "a,b\n1,2\n")
    }
}
