import AWSCore
import XCTest

/// S3 errors: XML error bodies, bodiless HEAD answers named by their status, and errors
/// hidden in 200 answers, compared with botocore where it agrees with gluescript.
final class RESTXMLProtocolErrorsTests: XCTestCase {
    private func errorCase(
        _ operation: String, status: Int, headers: [(name: String, value: String)], body: String
    ) throws -> (mine: AWSError?, theirs: JSONValue) {
        let model = try BotocoreProtocolOracle.model("s3")
        let answer = try XCTUnwrap(
            try BotocoreProtocolOracle.ask([
                [
                    "kind": "parse", "service": "s3", "operation": .string(operation),
                    "status": .integer(Int64(status)), "error": true,
                    "headers": .object(.init(uniqueKeysWithValues: headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(body),
                ]
            ]).first)
        let mine = RESTXMLProtocol(metadata: model.metadata).error(
            in: HTTPResponse(status: status, headers: headers, body: Array(body.utf8)),
            for: try XCTUnwrap(model.operations[operation]))
        return (mine, answer)
    }

    func testNoSuchBucketCarriesItsDetails() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>\
            <BucketName>missing-bucket</BucketName><RequestId>req-body</RequestId><HostId>host-1</HostId></Error>
            """
        let (mine, theirs) = try errorCase(
            "ListObjectsV2", status: 404, headers: [("x-amz-request-id", "req-body")], body: body)
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(error.code, theirs["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.code, "NoSuchBucket")
        XCTAssertEqual(error.message, theirs["Error"]?["Message"]?.stringValue)
        XCTAssertEqual(error.fields["BucketName"], theirs["Error"]?["BucketName"])
        XCTAssertEqual(error.fields["BucketName"], "missing-bucket")
        XCTAssertEqual(error.requestID, "req-body")
        XCTAssertEqual(error.status, 404)
        XCTAssertEqual(error.service, "S3")
        XCTAssertEqual(error.operation, "ListObjectsV2")
    }

    func testNoSuchKeyTakesTheRequestIDFromTheHeader() throws {
        let body =
            "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a b.csv</Key></Error>"
        let (mine, theirs) = try errorCase(
            "GetObject", status: 404, headers: [("x-amz-request-id", "req-h"), ("x-amz-id-2", "host")], body: body)
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(error.code, "NoSuchKey")
        XCTAssertEqual(error.code, theirs["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.fields["Key"], "a b.csv")
        XCTAssertEqual(error.requestID, "req-h")
        XCTAssertEqual(error.requestID, theirs["ResponseMetadata"]?["RequestId"]?.stringValue)
    }

    func testModeledErrorMembersAreTyped() throws {
        let body = """
            <Error><Code>InvalidObjectState</Code><Message>The operation is not valid for the object's storage class</Message>\
            <StorageClass>GLACIER</StorageClass><AccessTier>ARCHIVE_ACCESS</AccessTier></Error>
            """
        let (mine, theirs) = try errorCase("GetObject", status: 403, headers: [], body: body)
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(error.code, "InvalidObjectState")
        XCTAssertEqual(error.fields["StorageClass"], theirs["fields"]?["StorageClass"])
        XCTAssertEqual(error.fields["AccessTier"], "ARCHIVE_ACCESS")
    }

    /// botocore names bodiless errors by the number; gluescript by a word, status unchanged.
    func testBodilessErrorsAreNamedByTheirStatus() throws {
        let named: [(Int, String, String)] = [
            (404, "NotFound", "Not Found"), (403, "Forbidden", "Forbidden"), (400, "BadRequest", "Bad Request"),
            (301, "PermanentRedirect", ""), (304, "NotModified", ""),
            (412, "PreconditionFailed", "Precondition Failed"),
            (500, "500", "Internal Server Error"),
        ]
        for (status, code, reason) in named {
            let (mine, theirs) = try errorCase(
                "HeadObject", status: status, headers: [("x-amz-request-id", "r")], body: "")
            let error = try XCTUnwrap(mine, "\(status)")
            XCTAssertEqual(theirs["Error"]?["Code"]?.stringValue, String(status))
            XCTAssertEqual(error.code, code)
            XCTAssertEqual(error.status, status)
            XCTAssertEqual(error.requestID, "r")
            XCTAssertFalse(error.message.isEmpty)
            if !reason.isEmpty { XCTAssertEqual(error.message, reason) }
        }
    }

    func testCopyObjectFailingAfterItsHeadersIsARetryableServerError() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>

            <Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message>\
            <RequestId>req-c</RequestId><HostId>host</HostId></Error>
            """
        let (mine, theirs) = try errorCase("CopyObject", status: 200, headers: [], body: body)
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(error.code, theirs["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.code, "InternalError")
        XCTAssertEqual(error.status, theirs["status"]?.numberValue.map { Int($0) })
        XCTAssertEqual(error.status, 500)
        XCTAssertTrue(error.retryable)
        XCTAssertEqual(error.requestID, "req-c")
        XCTAssertEqual(RetryClassifier.reason(for: error, mode: .standard), .transient)
    }

    func testACutOffResultIsARetryableParseErrorOfTheStatus200() throws {
        let (mine, theirs) = try errorCase(
            "CompleteMultipartUpload", status: 200, headers: [("x-amz-request-id", "r")],
            body: "<CompleteMultipartUploadResult><Bucket>b</Bu")
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(theirs["status"]?.numberValue.map { Int($0) }, 500, "botocore retries it as a 500")
        XCTAssertEqual(error.status, 200, "the status the service sent")
        XCTAssertEqual(error.code, "XMLParseError")
        XCTAssertTrue(error.message.contains("CompleteMultipartUpload response is not XML"), error.message)
        XCTAssertTrue(error.message.contains("HTTP 200"), error.message)
        XCTAssertFalse(error.description.contains("500"), error.description)
        XCTAssertTrue(error.retryable)
        XCTAssertEqual(RetryClassifier.reason(for: error, mode: .standard), .transient)
    }

    func testStreamedBodiesAndRealResultsAreNotErrors() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let getObject = try XCTUnwrap(model.operations["GetObject"])
        let errorLike = Array("<Error><Code>InternalError</Code></Error>".utf8)
        XCTAssertNil(s3.error(in: HTTPResponse(status: 200, body: errorLike), for: getObject))
        let copy = try XCTUnwrap(model.operations["CopyObject"])
        let result = Array("<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>".utf8)
        XCTAssertNil(s3.error(in: HTTPResponse(status: 200, body: result), for: copy))
        XCTAssertNil(s3.error(in: HTTPResponse(status: 204), for: try XCTUnwrap(model.operations["DeleteObject"])))
    }

    func testAWholeResultIsNotReadByTheErrorCheckButByTheParser() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let list = try XCTUnwrap(model.operations["ListObjectsV2"])
        let faulty = Array("<ListBucketResult><Name>b</Name><Bad attribute></ListBucketResult>".utf8)
        XCTAssertNil(s3.error(in: HTTPResponse(status: 200, body: faulty), for: list))
        XCTAssertThrowsError(try s3.parseResponse(HTTPResponse(status: 200, body: faulty), for: list)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "XMLParseError")
        }
    }

    func testAnHTMLErrorPageIsQuoted() throws {
        let body = "<html><body><h1>502 Bad Gateway</h1> upstream went away</body></html>"
        let (mine, theirs) = try errorCase("ListBuckets", status: 502, headers: [], body: body)
        let error = try XCTUnwrap(mine)
        XCTAssertEqual(error.code, theirs["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.code, "502")
        XCTAssertTrue(error.message.contains("upstream went away"), error.message)
    }

    func testGarbageInASuccessfulBodyFailsParsingWithTheOperationNamed() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let list = try XCTUnwrap(model.operations["ListObjectsV2"])
        XCTAssertThrowsError(
            try s3.parseResponse(
                HTTPResponse(status: 200, headers: [("x-amz-request-id", "r")], body: Array("not xml <".utf8)),
                for: list)
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "XMLParseError")
            XCTAssertEqual(error?.operation, "ListObjectsV2")
            XCTAssertEqual(error?.requestID, "r")
            XCTAssertTrue(error?.message.contains("ListObjectsV2 response is not XML") == true)
        }
        let badCount = "<ListBucketResult><KeyCount>many</KeyCount></ListBucketResult>"
        XCTAssertThrowsError(try s3.parseResponse(HTTPResponse(status: 200, body: Array(badCount.utf8)), for: list)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "ResponseParseError")
        }
    }
}
