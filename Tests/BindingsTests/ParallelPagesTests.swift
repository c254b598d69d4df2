import Foundation
import Host
import XCTest

/// Calls, `paginate` and `collect` inside `aws.parallel` give exactly what they give outside
/// it: the same answers of a loopback Glue (json) and S3 (rest-xml) are read both ways and
/// compared deeply (metatables included, `LuaClientWholePagesTests.same`), tokens,
/// `ResponseMetadata`, empty lists, timestamps and blobs among them; errors keep their fields.
final class ParallelPagesTests: XCTestCase {
    /// Glue's `GetTables` in three pages (the second empty), `GetColumnStatisticsForTable` with
    /// a blob, and a database whose second page fails.
    static func glueReply(_ request: TestHTTPServer.Received) -> TestHTTPServer.Reply {
        let body = String(decoding: request.body, as: UTF8.self)
        let headers = [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", "glue-request")]
        let table = { (name: String) in
            #"{"Name":"\#(name)","DatabaseName":"db","CreateTime":1700000000.125,"UpdateTime":1700000001,"#
                + #""PartitionKeys":[],"Parameters":{"k":"v"},"StorageDescriptor":{"Columns":[{"Name":"c"}]}}"#
        }
        switch request.header("x-amz-target") ?? "" {
        case "AWSGlue.GetTables":
            if body.contains(#""broken""#) && body.contains("NextToken") {
                return TestHTTPServer.Reply(
                    status: 400, headers: headers,
                    body: #"{"__type":"EntityNotFoundException","Message":"the second page is gone"}"#)
            }
            if body.contains(#""NextToken":"page2""#) {
                return TestHTTPServer.Reply(headers: headers, body: #"{"TableList":[],"NextToken":"page3"}"#)
            }
            if body.contains(#""NextToken":"page3""#) {
                return TestHTTPServer.Reply(headers: headers, body: #"{"TableList":[\#(table("t3"))]}"#)
            }
            return TestHTTPServer.Reply(
                headers: headers, body: #"{"TableList":[\#(table("t1")),\#(table("t2"))],"NextToken":"page2"}"#)
        case "AWSGlue.GetColumnStatisticsForTable":
            return TestHTTPServer.Reply(
                headers: headers,
                body: #"{"ColumnStatisticsList":[{"ColumnName":"c","ColumnType":"decimal","AnalyzedTime":1700000000,"#
                    + #""StatisticsData":{"Type":"DECIMAL","DecimalColumnStatisticsData":{"#
                    + #""MinimumValue":{"UnscaledValue":"AAH+/w==","Scale":2},"NumberOfNulls":0,"#
                    + #""NumberOfDistinctValues":1}}}],"Errors":[]}"#)
        default:
            return TestHTTPServer.Reply(
                status: 400, headers: headers, body: #"{"__type":"UnknownOperationException","Message":"?"}"#)
        }
    }

    /// S3's `ListObjectsV2` in three pages (the second empty), `ListObjects` in two,
    /// `GetObject` with a binary body, and a bucket that does not exist.
    static func s3Reply(_ request: TestHTTPServer.Received) -> TestHTTPServer.Reply {
        let headers = [("Content-Type", "application/xml"), ("x-amz-request-id", "s3-request")]
        let target = request.target
        if target.hasPrefix("/missing") {
            return TestHTTPServer.Reply(
                status: 404, headers: headers,
                body: "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
                    + "<BucketName>missing</BucketName><RequestId>s3-request</RequestId></Error>")
        }
        if target.hasPrefix("/bucket/blob") {
            var reply = TestHTTPServer.Reply(
                headers: [
                    ("Content-Type", "application/octet-stream"), ("x-amz-request-id", "s3-request"),
                    ("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT"), ("ETag", #""abc""#), ("x-amz-meta-who", "me"),
                ])
            reply.body = [0, 1, 254, 255, 10, 0]
            return reply
        }
        let object = { (key: String) in
            "<Contents><Key>\(key)</Key><LastModified>2023-11-14T22:13:20.000Z</LastModified>"
                + "<ETag>&quot;e\(key)&quot;</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>"
        }
        let head = #"<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bucket</Name><Prefix></Prefix>"#
        if !target.contains("list-type=2") {
            // ListObjects (v1): the next marker is the last key, found by searching the page.
            let more = !target.contains("marker=b")
            return TestHTTPServer.Reply(
                headers: headers,
                body: head + (more ? object("a") + object("b") : object("c")) + "<MaxKeys>2</MaxKeys>"
                    + "<IsTruncated>\(more)</IsTruncated></ListBucketResult>")
        }
        if target.contains("continuation-token=page2") {
            return TestHTTPServer.Reply(
                headers: headers,
                body: head + "<KeyCount>0</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>"
                    + "<ContinuationToken>page2</ContinuationToken>"
                    + "<NextContinuationToken>page3</NextContinuationToken></ListBucketResult>")
        }
        if target.contains("continuation-token=page3") {
            return TestHTTPServer.Reply(
                headers: headers,
                body: head + object("c") + "<KeyCount>1</KeyCount><MaxKeys>2</MaxKeys>"
                    + "<IsTruncated>false</IsTruncated><ContinuationToken>page3</ContinuationToken></ListBucketResult>")
        }
        return TestHTTPServer.Reply(
            headers: headers,
            body: head + object("a") + object("b") + "<KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>"
                + "<IsTruncated>true</IsTruncated><NextContinuationToken>page2</NextContinuationToken>"
                + "</ListBucketResult>")
    }

    /// A state with `glue` and `s3` talking to the two servers, and `LuaClientWholePagesTests.same`.
    private func state(glue: TestHTTPServer, s3: TestHTTPServer) throws -> LuaState {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1",
        ])
        try state.run(
            LuaClientWholePagesTests.same + "\n"
                + """
                glue = aws.client("glue", {endpoint_url = "\(glue.baseURL)"})
                s3 = aws.client("s3", {endpoint_url = "\(s3.baseURL)"})
                compare = same
                -- Each function's result outside aws.parallel, then all of them side by side inside it.
                function inside_and_out(functions)
                  local outside = {}
                  for i, fn in ipairs(functions) do outside[i] = fn() end
                  local inside = aws.parallel(functions)
                  for i = 1, #functions do compare(outside[i], inside[i], "function " .. i) end
                  return outside
                end
                -- The error a function raises, without where it was raised.
                function failure(fn, ...)
                  local ok, err = pcall(fn, ...)
                  if ok then error("no error") end
                  local fields = {}
                  for k, v in pairs(err) do if k ~= "where" then fields[k] = v end end
                  return fields
                end
                """)
        return state
    }

    func testCallsPagesAndCollectsReadTheSameInsideParallel() throws {
        let glue = try TestHTTPServer(handler: Self.glueReply)
        let s3 = try TestHTTPServer(handler: Self.s3Reply)
        let state = try state(glue: glue, s3: s3)
        let results = try state.run(
            """
            local function pages(client, op, params, options)
              local all = {}
              for page in client:paginate(op, params, options) do all[#all + 1] = page end
              return all
            end
            local got = inside_and_out{
              function() return glue:collect("get_tables", {DatabaseName = "db"}) end,
              function() return pages(glue, "get_tables", {DatabaseName = "db"}) end,
              function() return glue:collect("get_tables", {DatabaseName = "db"}, {max_items = 2}) end,
              function() return pages(glue, "get_tables", {DatabaseName = "db"}, {max_items = 1}) end,
              function() return glue:get_column_statistics_for_table{DatabaseName = "db", TableName = "t",
                ColumnNames = {"c"}} end,
              function() return s3:collect("list_objects_v2", {Bucket = "bucket"}) end,
              function() return pages(s3, "list_objects_v2", {Bucket = "bucket"}) end,
              function() return s3:collect("list_objects_v2", {Bucket = "bucket"}, {max_items = 1}) end,
              function() return s3:get_object{Bucket = "bucket", Key = "blob"} end,
              function() return s3:collect("list_objects", {Bucket = "bucket"}) end,
              function() return pages(s3, "list_objects", {Bucket = "bucket"}) end,
            }
            local tables, glue_pages, cut = got[1], got[2], got[3]
            local stats = got[5].ColumnStatisticsList[1]
            local listed, s3_pages, object = got[6], got[7], got[9]
            return #tables.TableList, tables.TableList[1].CreateTime, getmetatable(tables.TableList[1].PartitionKeys)
                ~= nil, tables.NextToken, glue_pages[1].ResponseMetadata.RequestId, #glue_pages, #glue_pages[2].TableList,
              cut.NextToken ~= nil, #stats.StatisticsData.DecimalColumnStatisticsData.MinimumValue.UnscaledValue,
              #listed.Contents, listed.Contents[3].LastModified, #s3_pages, s3_pages[3].ResponseMetadata.RequestId,
              object.Body, object.Metadata.who, object.LastModified, #got[10].Contents, #got[11]
            """, name: "=test")
        XCTAssertEqual(results[0], .integer(3))
        XCTAssertEqual(results[1], .string("2023-11-14T22:13:20.125Z"))
        XCTAssertEqual(results[2], .boolean(true))
        XCTAssertEqual(results[3], .nil)
        XCTAssertEqual(results[4], .string("glue-request"))
        XCTAssertEqual(results[5], .integer(3))
        XCTAssertEqual(results[6], .integer(0))
        XCTAssertEqual(results[7], .boolean(true))
        XCTAssertEqual(results[8], .integer(4))
        XCTAssertEqual(results[9], .integer(3))
        XCTAssertEqual(results[10], .string("2023-11-14T22:13:20Z"))
        XCTAssertEqual(results[11], .integer(3))
        XCTAssertEqual(results[12], .string("s3-request"))
        XCTAssertEqual(results[13], .bytes([0, 1, 254, 255, 10, 0]))
        XCTAssertEqual(results[14], .string("me"))
        XCTAssertEqual(results[15], .string("2023-11-14T22:13:20Z"))
        XCTAssertEqual(results[16], .integer(3))
        XCTAssertEqual(results[17], .integer(2))
    }

    func testErrorsKeepTheirFieldsInsideParallel() throws {
        let glue = try TestHTTPServer(handler: Self.glueReply)
        let s3 = try TestHTTPServer(handler: Self.s3Reply)
        let state = try state(glue: glue, s3: s3)
        let results = try state.run(
            """
            local got = inside_and_out{
              function() return failure(glue.collect, glue, "get_tables", {DatabaseName = "broken"}) end,
              function()
                return failure(function()
                  for page in glue:paginate("get_tables", {DatabaseName = "broken"}) do end
                end)
              end,
              function() return failure(s3.collect, s3, "list_objects_v2", {Bucket = "missing"}) end,
              function() return failure(s3.head_bucket, s3, {Bucket = "missing"}) end,
              function() return failure(glue.get_column_statistics_for_table, glue, {DatabaseName = "db"}) end,
            }
            return got[1].code, got[1].message, got[1].status, got[1].service, got[1].operation, got[1].attempts,
              got[1].request_id, got[3].code, got[3].BucketName, got[3].status, got[4].status, got[5].code
            """, name: "=test")
        XCTAssertEqual(
            results,
            [
                .string("EntityNotFoundException"), .string("the second page is gone"), .integer(400), .string("glue"),
                .string("GetTables"), .integer(1), .string("glue-request"), .string("NoSuchBucket"),
                .string("missing"), .integer(404), .integer(404), .string("ValidationError"),
            ])
    }

    func testAFunctionsResultIsTheCallersOwnTable() throws {
        let state = makeState()
        let results = try state.run(
            """
            local mine = setmetatable({}, {__name = "mine"})
            local got = aws.parallel{function() return mine end, function() aws.sleep(0.01) return mine end}
            local a, b = aws.parallel(function() return mine end, function() return mine end)
            return got[1] == mine, got[2] == mine, a == mine, b == mine
            """, name: "=test")
        XCTAssertEqual(results, [.boolean(true), .boolean(true), .boolean(true), .boolean(true)])
    }
}
