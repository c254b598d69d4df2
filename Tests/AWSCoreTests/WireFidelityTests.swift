import Foundation
import XCTest

@testable import AWSCore

/// Details of the wire the differential tests cannot reach with botocore's four models: host
/// prefixes, idempotency tokens, query-compatible services, the ec2 protocol, several listed
/// protocols, and the headers `buildRequest` reports against the bytes actually sent.
final class WireFidelityTests: XCTestCase {
    /// A small rest-json service with a host-prefixed operation (like S3 Control's `{AccountId}.`),
    /// an idempotency token, and a second operation for the other traits.
    static let snippet = """
        {"version":"2.0","metadata":{"apiVersion":"2026-01-01","endpointPrefix":"demo","protocol":"rest-json",
         "protocols":["smithy-rpc-v2-cbor","rest-json","query"],"serviceId":"Demo","signatureVersion":"v4"},
         "operations":{
          "GetThing":{"name":"GetThing","http":{"method":"GET","requestUri":"/things/{Name}"},
           "endpoint":{"hostPrefix":"{AccountId}.data-"},"input":{"shape":"GetThingInput"}},
          "MakeThing":{"name":"MakeThing","http":{"method":"POST","requestUri":"/things"},
           "input":{"shape":"MakeThingInput"}}},
         "shapes":{
          "GetThingInput":{"type":"structure","required":["AccountId","Name"],"members":{
           "AccountId":{"shape":"S","hostLabel":true,"location":"header","locationName":"x-amz-account-id"},
           "Name":{"shape":"S","location":"uri","locationName":"Name"}}},
          "MakeThingInput":{"type":"structure","members":{
           "Token":{"shape":"S","idempotencyToken":true},"Name":{"shape":"S"}}},
          "S":{"type":"string"}}}
        """

    let endpoint = AWSURL(scheme: "https", host: "demo.us-east-1.amazonaws.com")

    func model() throws -> ServiceModel { try ServiceModel(bytes: Array(Self.snippet.utf8)) }

    func testHostPrefixPutsTheLabelInFrontOfTheHost() throws {
        let model = try model()
        let wire = try ProtocolRegistry.make(for: model)
        let operation = try XCTUnwrap(model.operations["GetThing"])
        let request = try wire.request(
            operation, input: ["AccountId": "123456789012", "Name": "a"], endpoint: endpoint)
        XCTAssertEqual(request.url, "https://123456789012.data-demo.us-east-1.amazonaws.com/things/a")
        XCTAssertEqual(request.header("x-amz-account-id"), "123456789012")
    }

    func testHostLabelsThatWouldChangeTheHostAreRefused() throws {
        let model = try model()
        let wire = try ProtocolRegistry.make(for: model)
        let operation = try XCTUnwrap(model.operations["GetThing"])
        for bad in ["evil.com/", "a b", "", "é", "x:1@"] {
            XCTAssertThrowsError(
                try wire.request(operation, input: ["AccountId": .string(bad), "Name": "a"], endpoint: endpoint), bad
            ) { error in
                XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
                XCTAssertEqual((error as? AWSError)?.message.hasPrefix("AccountId"), true)
            }
        }
    }

    func testHostPrefixLeavesLocalEndpointsAlone() throws {
        let model = try model()
        let wire = try ProtocolRegistry.make(for: model)
        let operation = try XCTUnwrap(model.operations["GetThing"])
        let local = AWSURL(scheme: "http", host: "127.0.0.1", port: 4566)
        let request = try wire.request(operation, input: ["AccountId": "1", "Name": "a"], endpoint: local)
        XCTAssertEqual(request.url, "http://127.0.0.1:4566/things/a")
    }

    func testIdempotencyTokensAreFilledWhenOmittedAndKeptWhenGiven() throws {
        let model = try model()
        let shape = try XCTUnwrap(model.operations["MakeThing"]?.input)
        let filled = IdempotencyTokens.filled(["Name": "n"], shape: shape)
        let token = try XCTUnwrap(filled["Token"]?.stringValue)
        XCTAssertNotNil(UUID(uuidString: token), token)
        XCTAssertEqual(token, token.lowercased())
        XCTAssertNotEqual(IdempotencyTokens.filled(["Name": "n"], shape: shape)["Token"], filled["Token"])
        XCTAssertEqual(IdempotencyTokens.filled(["Token": "mine"], shape: shape)["Token"], "mine")
    }

    func testACallSendsAnIdempotencyTokenTheScriptLeftOut() throws {
        let server = try TestHTTPServer(replies: [], fallback: .init(body: "{}"))
        defer { server.stop() }
        let client = try AWSClient(
            serviceName: "demo", model: try model(), configuration: configuration(server))
        _ = try client.call("MakeThing", ["Name": "n"])
        let body = try JSONDecoding.decode(try XCTUnwrap(server.requests.first?.body))
        XCTAssertNotNil(UUID(uuidString: body["Token"]?.stringValue ?? ""), "\(body)")
    }

    func testTheFirstListedProtocolGluescriptSpeaksIsUsed() throws {
        let model = try model()
        XCTAssertEqual(ProtocolRegistry.chosenName(for: model.metadata), "rest-json")
        XCTAssertTrue(try ProtocolRegistry.make(for: model) is RESTJSONProtocol)
        var cborOnly = model.metadata
        cborOnly.protocols = ["smithy-rpc-v2-cbor"]
        XCTAssertEqual(ProtocolRegistry.chosenName(for: cborOnly), "smithy-rpc-v2-cbor")
    }

    func testQueryCompatibleErrorsTakeTheQueryCodeAsBotocoreDoes() throws {
        let model = try BotocoreProtocolOracle.model("sqs")
        let wire = try ProtocolRegistry.make(for: model)
        let operation = try XCTUnwrap(model.operations["GetQueueUrl"])
        let headers = [
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"), ("x-amzn-RequestId", "r-1"),
        ]
        let body = #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#
        let error = try XCTUnwrap(
            wire.error(in: HTTPResponse(status: 400, headers: headers, body: Array(body.utf8)), for: operation))
        let answer = try XCTUnwrap(
            try BotocoreProtocolOracle.ask([
                [
                    "kind": "parse", "service": "sqs", "operation": "GetQueueUrl", "status": 400, "error": true,
                    "headers": .object(.init(uniqueKeysWithValues: headers.map { ($0.0, JSONValue.string($0.1)) })),
                    "body": .string(body),
                ]
            ]).first)
        XCTAssertEqual(error.code, answer["Error"]?["Code"]?.stringValue)
        XCTAssertEqual(error.code, "AWS.SimpleQueueService.NonExistentQueue")
        XCTAssertEqual(error.fields["QueryErrorCode"], answer["Error"]?["QueryErrorCode"])
        XCTAssertEqual(error.fields["Type"], answer["Error"]?["Type"])
        XCTAssertEqual(error.message, answer["Error"]?["Message"]?.stringValue)
    }

    func testQueryCompatibleRequestsSayQueryMode() throws {
        let model = try BotocoreProtocolOracle.model("sqs")
        let operation = try XCTUnwrap(model.operations["ListQueues"])
        let request = try ProtocolRegistry.make(for: model).request(operation, input: [:], endpoint: endpoint)
        XCTAssertEqual(request.header("x-amzn-query-mode"), "true")
        let glue = try BotocoreProtocolOracle.model("glue")
        let plain = try ProtocolRegistry.make(for: glue).request(
            try XCTUnwrap(glue.operations["GetDatabases"]), input: [:], endpoint: endpoint)
        XCTAssertNil(plain.header("x-amzn-query-mode"))
    }

    func testEmptyAnswerBodiesAreEmptyResults() throws {
        for service in ["iam", "glue", "s3"] {
            let model = try BotocoreProtocolOracle.model(service)
            let wire = try ProtocolRegistry.make(for: model)
            let name = ["iam": "ListRoles", "glue": "GetDatabases", "s3": "ListBuckets"][service]!
            let operation = try XCTUnwrap(model.operations[name])
            let output = try wire.parseResponse(
                HTTPResponse(status: 200, headers: [("x-amzn-RequestId", "r-1")], body: []), for: operation)
            XCTAssertEqual(output["ResponseMetadata"]?["RequestId"], "r-1", service)
            XCTAssertEqual(output.objectValue?.keys.filter { $0 != "ResponseMetadata" }, [], service)
        }
    }

    func testEC2ErrorsAreRead() throws {
        let model = try BotocoreProtocolOracle.model("ec2")
        let wire = try ProtocolRegistry.make(for: model)
        let body =
            "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>gone</Message></Error>"
            + "</Errors><RequestID>r-9</RequestID></Response>"
        let error = try XCTUnwrap(
            wire.error(
                in: HTTPResponse(status: 400, body: Array(body.utf8)),
                for: try XCTUnwrap(model.operations["DescribeInstances"])))
        XCTAssertEqual(error.code, "InvalidInstanceID.NotFound")
        XCTAssertEqual(error.message, "gone")
        XCTAssertEqual(error.requestID, "r-9")
    }

    func testBuildRequestReportsEveryHeaderTheWireCarries() throws {
        let server = try TestHTTPServer(replies: [], fallback: .init(body: "{}"))
        defer { server.stop() }
        let client = try AWSClient(
            serviceName: "demo", model: try model(), configuration: configuration(server))
        let built = try client.buildRequest("MakeThing", ["Name": "n", "Token": "t"])
        _ = try client.call("MakeThing", ["Name": "n", "Token": "t"])
        let sent = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(built.header("Content-Length"), String(sent.body.count))
        XCTAssertEqual(built.header("Content-Length"), sent.header("content-length"))
        XCTAssertEqual(built.header("Host"), sent.header("host"))
        XCTAssertEqual(built.header("User-Agent"), sent.header("user-agent"))
        XCTAssertEqual(
            Set(built.headers.map { $0.name.lowercased() }), Set(sent.headerNames()),
            "build_request names the headers sent, no more and no fewer")
    }

    private func configuration(_ server: TestHTTPServer) -> AWSConfiguration {
        AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: "http://127.0.0.1:\(server.port)",
            retry: RetrySettings(maxAttempts: 1), caBundle: nil,
            credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
    }
}
