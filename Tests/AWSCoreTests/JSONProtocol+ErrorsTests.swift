import AWSCore
import XCTest

/// Errors of Glue (json 1.1) as a script sees them: code, message, status, request id and the
/// modeled fields; the codes and messages compared with botocore's parser where it has an answer.
final class JSONProtocolErrorsTests: XCTestCase {
    func glue() throws -> (JSONProtocol, OperationModel) {
        let model = try BotocoreProtocolOracle.model("glue")
        return (JSONProtocol(metadata: model.metadata), try XCTUnwrap(model.operations["GetCrawler"]))
    }

    func testTypeWithNamespaceAndSuffixMatchesBotocore() throws {
        let (glue, operation) = try glue()
        let cases: [(headers: [(name: String, value: String)], body: String)] = [
            (
                [("x-amzn-requestid", "req-1")],
                #"{"__type":"com.amazonaws.glue#EntityNotFoundException:http://internal","Message":"Crawler entry with name c does not exist"}"#
            ),
            ([], #"{"__type":"AlreadyExistsException","message":"Crawler c already exists"}"#),
            ([], #"{"__type":"aws.a#b#ConcurrentModificationException","message":"busy","Detail":1}"#),
        ]
        let answers = try BotocoreProtocolOracle.ask(
            cases.map { c in
                [
                    "kind": "parse", "service": "glue", "operation": "GetCrawler", "status": 400, "error": true,
                    "headers": .object(.init(uniqueKeysWithValues: c.headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(c.body),
                ]
            })
        XCTAssertEqual(answers.count, cases.count)
        for (c, answer) in zip(cases, answers) {
            let error = try XCTUnwrap(
                glue.error(in: HTTPResponse(status: 400, headers: c.headers, body: Array(c.body.utf8)), for: operation))
            XCTAssertEqual(error.code, answer["Error"]?["Code"]?.stringValue, c.body)
            XCTAssertEqual(error.message, answer["Error"]?["Message"]?.stringValue, c.body)
            XCTAssertEqual(error.status, 400)
            XCTAssertEqual(error.operation, "GetCrawler")
            let fields = JSONValue.object(
                .init(uniqueKeysWithValues: error.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            let theirs = answer["fields"]?.objectValue.map {
                JSONValue.object(.init(uniqueKeysWithValues: $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            }
            XCTAssertEqual(fields, theirs, c.body)
        }
        let first = try XCTUnwrap(
            glue.error(
                in: HTTPResponse(status: 400, headers: cases[0].headers, body: Array(cases[0].body.utf8)),
                for: operation))
        XCTAssertEqual(first.code, "EntityNotFoundException")
        XCTAssertEqual(first.requestID, "req-1")
        XCTAssertEqual(first.fields["Message"], "Crawler entry with name c does not exist")
    }

    func testCodeFromHeaderWhenTheBodyHasNone() throws {
        let (glue, operation) = try glue()
        let response = HTTPResponse(
            status: 400, headers: [("x-amzn-errortype", "InvalidInputException:http://internal.amazon.com/")],
            body: Array(#"{"message":"bad role"}"#.utf8))
        let error = try XCTUnwrap(glue.error(in: response, for: operation))
        XCTAssertEqual(error.code, "InvalidInputException")
        XCTAssertEqual(error.message, "bad role")
    }

    func testQueryStyleXMLBodyOfAnAuthFailure() throws {
        let (glue, operation) = try glue()
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse>
              <Errors>
                <Error>
                  <Code>SignatureDoesNotMatch</Code>
                  <Message>The request signature we calculated does not match &amp; so on &lt;sic&gt;</Message>
                </Error>
              </Errors>
              <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
            </ErrorResponse>
            """
        let response = HTTPResponse(
            status: 403, headers: [("content-type", "text/html")], body: Array(body.utf8))
        let error = try XCTUnwrap(glue.error(in: response, for: operation))
        XCTAssertEqual(error.code, "SignatureDoesNotMatch")
        XCTAssertEqual(error.message, "The request signature we calculated does not match & so on <sic>")
        XCTAssertEqual(error.requestID, "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
        XCTAssertEqual(error.status, 403)
    }

    func testHTMLPageGivesTheStatusAndQuotesThePage() throws {
        let (glue, operation) = try glue()
        let page = """
            <!doctype html>
            <html lang=en><title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1>
            <p>The server encountered an internal error and was unable to complete your request.</p>
            """
        let error = try XCTUnwrap(
            glue.error(in: HTTPResponse(status: 500, body: Array(page.utf8)), for: operation))
        XCTAssertEqual(error.code, "500")
        XCTAssertEqual(error.status, 500)
        XCTAssertTrue(
            error.message.hasPrefix(
                "the service answered HTTP 500 with: 500 Internal Server Error Internal Server Error The server"),
            error.message)
    }

    func testEmptyBodyGivesTheStatus() throws {
        let (glue, operation) = try glue()
        let error = try XCTUnwrap(glue.error(in: HTTPResponse(status: 503), for: operation))
        XCTAssertEqual(error.code, "503")
        XCTAssertEqual(error.message, "the service answered HTTP 503 with an empty body")
    }

    func testSuccessIsNoError() throws {
        let (glue, operation) = try glue()
        XCTAssertNil(glue.error(in: HTTPResponse(status: 200, body: Array("{}".utf8)), for: operation))
    }
}
