import AWSCore
import XCTest

/// Lambda (rest-json, loaded from botocore's model as a user's model file would be) requests,
/// responses and errors, compared with botocore's serializer and parser.
final class RESTJSONProtocolTests: XCTestCase {
    let endpoint = AWSURL(scheme: "https", host: "lambda.us-east-1.amazonaws.com")

    static let requests: [(operation: String, input: JSONValue)] = [
        ("GetFunction", ["FunctionName": "my fn:é", "Qualifier": "$LATEST"]),
        (
            "Invoke",
            [
                "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:f", "InvocationType": "Event",
                "LogType": "Tail", "ClientContext": "eyJhIjoxfQ==", "Payload": #"{"key": "value é"}"#,
                "Qualifier": "1",
            ]
        ),
        (
            "CreateFunction",
            [
                "FunctionName": "f", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/r",
                "Handler": "app.handler", "Code": ["ZipFile": .binary([80, 75, 3, 4, 0, 255])], "Timeout": 30,
                "Publish": true, "Environment": ["Variables": ["STAGE": "dev"]], "Tags": ["team": "data"],
                "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:l:1"],
            ]
        ),
        ("ListFunctions", ["MaxItems": 10, "Marker": "next/+="]),
        ("TagResource", ["Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Tags": ["a": "1"]]),
        ("UntagResource", ["Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "TagKeys": ["a", "b c"]]),
        ("GetAccountSettings", [:]),
    ]

    func testRequestsMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("lambda")
        let lambda = RESTJSONProtocol(metadata: model.metadata)
        let answers = try BotocoreProtocolOracle.ask(
            Self.requests.map { request in
                [
                    "kind": "serialize", "service": "lambda", "operation": .string(request.operation),
                    "params": request.input, "endpoint": .string(endpoint.description),
                ]
            })
        XCTAssertEqual(answers.count, Self.requests.count)
        for (request, answer) in zip(Self.requests, answers) {
            let name = request.operation
            let operation = try XCTUnwrap(model.operations[name])
            let mine = try lambda.buildRequest(operation, input: request.input, endpoint: endpoint)
            XCTAssertEqual(mine.method, answer["method"]?.stringValue, name)
            XCTAssertEqual(mine.url, answer["url"]?.stringValue, name)
            let theirHeaders = (answer["headers"]?.arrayValue ?? []).compactMap { pair -> String? in
                guard let items = pair.arrayValue, let k = items.first?.stringValue, let v = items.last?.stringValue
                else { return nil }
                return "\(k.lowercased()):\(v)"
            }
            XCTAssertEqual(
                mine.headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted(), theirHeaders.sorted(), name)
            let theirBody = BotocoreProtocolOracle.bytes(ofLatin1: answer["body"]?.stringValue ?? "")
            var myBody: [UInt8] = []
            if case .bytes(let bytes) = mine.body { myBody = bytes }
            if mine.header("Content-Type") == "application/json" {
                XCTAssertEqual(try JSONDecoding.decode(myBody), try JSONDecoding.decode(theirBody), name)
            } else {
                XCTAssertEqual(myBody, theirBody, name)
            }
        }
    }

    static let responses: [(operation: String, status: Int, headers: [(name: String, value: String)], body: String)] =
        [
            (
                "Invoke", 200,
                [
                    ("x-amzn-requestid", "req-9"), ("x-amz-function-error", "Unhandled"),
                    ("x-amz-log-result", "U1RBUlQ="), ("x-amz-executed-version", "$LATEST"),
                ],
                #"{"errorMessage":"boom"}"#
            ),
            (
                "GetFunction", 200, [("x-amzn-requestid", "req-1")],
                #"""
                {"Configuration":{"FunctionName":"f","Runtime":"python3.12","Timeout":30,"MemorySize":128,
                 "LastModified":"2026-11-26T00:30:34.000+0000","CodeSize":1024,"Environment":{"Variables":{"A":"1"}},
                 "Layers":[{"Arn":"arn:l","CodeSize":5}],"Unknown":true},
                 "Code":{"RepositoryType":"S3","Location":"https://x"},"Tags":{"team":"data"}}
                """#
            ),
            (
                "GetAccountSettings", 200, [],
                #"{"AccountLimit":{"TotalCodeSize":80530636800,"ConcurrentExecutions":1000}}"#
            ),
        ]

    func testResponsesMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("lambda")
        let lambda = RESTJSONProtocol(metadata: model.metadata)
        let answers = try BotocoreProtocolOracle.ask(
            Self.responses.map { response in
                [
                    "kind": "parse", "service": "lambda", "operation": .string(response.operation),
                    "status": .integer(Int64(response.status)),
                    "headers": .object(
                        .init(uniqueKeysWithValues: response.headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(response.body),
                ]
            })
        XCTAssertEqual(answers.count, Self.responses.count)
        for (response, answer) in zip(Self.responses, answers) {
            let operation = try XCTUnwrap(model.operations[response.operation])
            let http = HTTPResponse(status: response.status, headers: response.headers, body: Array(response.body.utf8))
            XCTAssertNil(lambda.error(in: http, for: operation))
            let mine = try lambda.parseResponse(http, for: operation)
            XCTAssertEqual(
                BotocoreProtocolOracle.sortedKeys(BotocoreProtocolOracle.portable(mine)),
                BotocoreProtocolOracle.sortedKeys(answer), response.operation)
        }
    }

    func testErrorCodeFromHeaderAndModeledFields() throws {
        let model = try BotocoreProtocolOracle.model("lambda")
        let operation = try XCTUnwrap(model.operations["GetFunction"])
        let body = #"{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:f"}"#
        let headers: [(name: String, value: String)] = [
            ("x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/"),
            ("x-amzn-requestid", "req-2"),
        ]
        let answer = try XCTUnwrap(
            try BotocoreProtocolOracle.ask([
                [
                    "kind": "parse", "service": "lambda", "operation": "GetFunction", "status": 404, "error": true,
                    "headers": .object(.init(uniqueKeysWithValues: headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(body),
                ]
            ]).first)
        let error = try XCTUnwrap(
            RESTJSONProtocol(metadata: model.metadata).error(
                in: HTTPResponse(status: 404, headers: headers, body: Array(body.utf8)), for: operation))
        XCTAssertEqual(error.code, answer["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.code, "ResourceNotFoundException")
        XCTAssertEqual(error.message, answer["Error"]?["Message"]?.stringValue)
        XCTAssertEqual(error.requestID, "req-2")
        XCTAssertEqual(error.fields["Type"], answer["fields"]?["Type"])
        XCTAssertEqual(error.fields["Type"], "User")
    }

    func testErrorCodeFromTheBodyCodeField() throws {
        let model = try BotocoreProtocolOracle.model("lambda")
        let operation = try XCTUnwrap(model.operations["GetFunction"])
        let error = try XCTUnwrap(
            RESTJSONProtocol(metadata: model.metadata).error(
                in: HTTPResponse(
                    status: 429, body: Array(#"{"code":"TooManyRequestsException","message":"slow"}"#.utf8)),
                for: operation))
        XCTAssertEqual(error.code, "TooManyRequestsException")
        XCTAssertEqual(error.message, "slow")
    }
}
