import AWSCore
import XCTest

/// Errors from IAM, STS and moto: both `<ErrorResponse>` forms, HTML pages and empty bodies.
final class QueryErrorParserTests: XCTestCase {
    static let awsConflict = """
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error>
            <Type>Sender</Type>
            <Code>EntityAlreadyExists</Code>
            <Message>Role with name glue-demo already exists.</Message>
          </Error>
          <RequestId>7c9d8e2a-aws</RequestId>
        </ErrorResponse>
        """

    static let motoMissing = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse>
          <Errors>
            <Error>
              <Type>Sender</Type>
              <Code>NoSuchEntity</Code>
              <Message>The role with name missing cannot be found.</Message>
            </Error>
          </Errors>
          <RequestId>moto-request-1</RequestId>
        </ErrorResponse>
        """

    func testBothErrorResponseFormsMatchBotocore() throws {
        let model = try QueryOracle.model("iam")
        let query = QueryProtocol(metadata: model.metadata)
        let cases = [
            ("CreateRole", 409, QueryErrorParserTests.awsConflict), ("GetRole", 404, QueryErrorParserTests.motoMissing),
        ]
        let responses: [JSONValue] = cases.map {
            .object(["operation": .string($0.0), "status": .integer(Int64($0.1)), "body": .string($0.2)])
        }
        let answer = try QueryOracle.ask(.object(["service": .string("iam"), "responses": .array(responses)]))
        for (index, (name, status, body)) in cases.enumerated() {
            let theirs = try XCTUnwrap(answer["responses"]?.arrayValue?[index])
            let operation = try XCTUnwrap(model.operations[name])
            let error = try XCTUnwrap(
                query.error(in: HTTPResponse(status: status, body: Array(body.utf8)), for: operation))
            XCTAssertEqual(error.code, theirs["Error"]?["Code"]?.stringValue, name)
            XCTAssertEqual(error.message, theirs["Error"]?["Message"]?.stringValue, name)
            XCTAssertEqual(error.requestID, theirs["ResponseMetadata"]?["RequestId"]?.stringValue, name)
            XCTAssertEqual(error.fields["Type"], theirs["Error"]?["Type"], name)
            XCTAssertEqual(error.status, status)
            XCTAssertEqual(error.service, "IAM")
            XCTAssertEqual(error.operation, name)
        }
    }

    func testMotosAuthFailureForJSONServicesIsReadFromBytes() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Sender>
            <Message>The request signature we calculated does not match the signature you provided.</Message>
            </Sender></Error></Errors><RequestId>7a62c49f</RequestId></ErrorResponse>
            """
        let error = try XCTUnwrap(QueryErrorParser.parse(Array(body.utf8), status: 403))
        XCTAssertEqual(error.code, "SignatureDoesNotMatch")
        XCTAssertEqual(error.status, 403)
        XCTAssertEqual(error.requestID, "7a62c49f")
        XCTAssertNil(QueryErrorParser.parse(Array(#"{"__type":"AccessDenied"}"#.utf8), status: 403))
        XCTAssertNil(QueryErrorParser.parse(Array("<ListRolesResponse/>".utf8), status: 200))
    }

    func testABareErrorElementWithItsOwnRequestId() throws {
        let body =
            "<Error><Code>NoSuchBucket</Code><Message>gone</Message><BucketName>b</BucketName><RequestId>s3-1</RequestId></Error>"
        let error = try XCTUnwrap(QueryErrorParser.parse(Array(body.utf8), status: 404))
        XCTAssertEqual(error.code, "NoSuchBucket")
        XCTAssertEqual(error.requestID, "s3-1")
        XCTAssertEqual(error.fields["BucketName"], .string("b"))
    }

    func testModeledErrorFieldsAreTypedByTheirShape() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        let body = """
            <ErrorResponse><Error><Type>Sender</Type><Code>ConflictCode</Code><Message>busy</Message>
            <Reason>locked</Reason><Retries>3</Retries></Error><RequestId>r-9</RequestId></ErrorResponse>
            """
        let error = try XCTUnwrap(
            QueryProtocol(metadata: model.metadata).error(
                in: HTTPResponse(status: 409, body: Array(body.utf8)), for: operation))
        XCTAssertEqual(error.code, "ConflictCode")
        XCTAssertEqual(error.message, "busy")
        XCTAssertEqual(error.fields["Reason"], .string("locked"))
        XCTAssertEqual(error.fields["Retries"], .integer(3))
        XCTAssertEqual(error.fields["Type"], .string("Sender"))
    }

    func testAnHTMLPageIsNamedByItsStatusAndQuoted() throws {
        let page =
            "<!DOCTYPE HTML>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1></body></html>"
        let response = HTTPResponse(status: 500, headers: [("x-amzn-requestid", "h-1")], body: Array(page.utf8))
        let error = QueryErrorParser.error(in: response)
        XCTAssertEqual(error.code, "500")
        XCTAssertEqual(
            error.message,
            "Internal Server Error: <!DOCTYPE HTML> <html><head><title>500 Internal Server Error</title></head> "
                + "<body><h1>Internal Server Error</h1></body></html>")
        XCTAssertEqual(error.status, 500)
        XCTAssertEqual(error.requestID, "h-1")
    }

    func testAnEmptyBodyIsNamedByItsStatus() throws {
        let model = try QueryOracle.model("sts")
        let operation = try XCTUnwrap(model.operations["GetCallerIdentity"])
        let query = QueryProtocol(metadata: model.metadata)
        let error = try XCTUnwrap(query.error(in: HTTPResponse(status: 503), for: operation))
        XCTAssertEqual(error.code, "503")
        XCTAssertEqual(error.message, "Service Unavailable")
        XCTAssertEqual(error.service, "STS")
        XCTAssertNil(query.error(in: HTTPResponse(status: 200, body: Array("<x/>".utf8)), for: operation))
    }

    func testLongBodiesAreCutInTheMessage() {
        let error = QueryErrorParser.error(
            in: HTTPResponse(status: 502, body: Array(String(repeating: "x", count: 5000).utf8)))
        XCTAssertEqual(error.message, "Bad Gateway: " + String(repeating: "x", count: 200) + "...")
    }
}
