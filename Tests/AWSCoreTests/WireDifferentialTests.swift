import XCTest

@testable import AWSCore

/// Every operation of the four built-in services (and of SQS and EC2, for the query-compatible
/// json and the ec2 protocols), sent and read by gluescript and by botocore
/// (`Oracles/protocol_oracle.py`, kind `differential`): inputs with every member filled,
/// nested and in lists, built from botocore's model by `Oracles/shape_samples.py` in two
/// variants (plain values; NaN, infinities and fractional seconds). gluescript gets each
/// input with every structure's members in reverse order, so XML bodies prove they follow
/// the model's order. Answers are built from the output shapes and parsed by both.
///
/// The figures (same / total, per service and direction) are printed. A case that differs
/// fails the test unless `knownDifferences` names it, with the reason it may differ.
final class WireDifferentialTests: XCTestCase {
    static let endpoints = [
        "iam": "https://iam.amazonaws.com", "sts": "https://sts.us-east-1.amazonaws.com",
        "glue": "https://glue.us-east-1.amazonaws.com", "s3": "https://s3.us-east-1.amazonaws.com",
        "sqs": "https://sqs.us-east-1.amazonaws.com", "ec2": "https://ec2.us-east-1.amazonaws.com",
    ]

    /// Cases allowed to differ (`service request|output Operation`), and why.
    static let knownDifferences: [String: String] = [
        "s3 output GetObject":
            "user metadata keys are given lower-cased (S3 stores them so); botocore keeps the case sent",
        "s3 output HeadObject":
            "user metadata keys are given lower-cased (S3 stores them so); botocore keeps the case sent",
        "s3 output GetBucketNotification":
            "botocore's parser hands back XML elements for the deprecated Event/Events pair; nothing to compare",
        "s3 output SelectObjectContent": "an event stream: botocore parses it only inside a live response",
    ]

    func testIAMMatchesBotocore() throws { try compare("iam") }
    func testSTSMatchesBotocore() throws { try compare("sts") }
    func testGlueMatchesBotocore() throws { try compare("glue") }
    func testS3MatchesBotocore() throws { try compare("s3") }
    /// json with `awsQueryCompatible`.
    func testSQSMatchesBotocore() throws { try compare("sqs") }
    /// The ec2 protocol.
    func testEC2MatchesBotocore() throws { try compare("ec2") }

    /// smithy-rpc-v2-cbor, with CloudWatch's model made to list only that protocol (botocore
    /// prefers json where a model lists both), query compatibility included.
    func testCBORMatchesBotocore() throws {
        guard case .object(var document) = try BotocoreProtocolOracle.document("cloudwatch"),
            case .object(var metadata) = document["metadata"]
        else { return XCTFail("no cloudwatch model") }
        metadata["protocols"] = ["smithy-rpc-v2-cbor"]
        document["metadata"] = .object(metadata)
        let model = try ServiceModel(bytes: try JSONEncoding.encode(.object(document)))
        XCTAssertTrue(try ProtocolRegistry.make(for: model) is RPCv2CBORProtocol)
        try compare("cloudwatch", model: model, document: .object(document))
    }

    /// The XML traits the four services use little or not at all, in a small model of each XML
    /// protocol: flattened and named maps, named list members, attributes, namespaced members,
    /// a root element named and namespaced by the operation's input reference.
    func testXMLTraitsMatchBotocore() throws {
        for protocolName in ["rest-xml", "query", "ec2"] {
            let document = Self.traitsModel(protocolName)
            let model = try ServiceModel(bytes: Array(document.utf8))
            try compare("traits", model: model, document: try JSONDecoding.decode(Array(document.utf8)))
        }
        let model = try ServiceModel(bytes: Array(Self.traitsModel("rest-xml").utf8))
        let request = try ProtocolRegistry.make(for: model).request(
            try XCTUnwrap(model.operations["PutThing"]),
            input: [
                "Flat": ["a"], "Inner": ["Value": "v", "Kind": "k"], "Tags": ["x": "1"], "Items": ["i"],
                "Plain": ["m": ["Kind": "q"]],
            ],
            endpoint: AWSURL(scheme: "https", host: "traits.us-east-1.amazonaws.com"))
        guard case .bytes(let body) = request.body else { return XCTFail("no body") }
        XCTAssertEqual(
            String(decoding: body, as: UTF8.self),
            #"<Thing xmlns="urn:things"><Tag><K>x</K><V>1</V></Tag><Plain><entry><key>m</key><value kind="q" />"#
                + #"</entry></Plain><ItemList><Item>i</Item></ItemList><F>a</F>"#
                + #"<Inner xmlns:p="urn:p" kind="k"><value>v</value></Inner></Thing>"#,
            "the traits are all there, in model order")
    }

    static func traitsModel(_ protocolName: String) -> String {
        let fields = """
            "Name":{"shape":"S"},
            "Tags":{"shape":"FlatMap","flattened":true,"locationName":"Tag"},
            "Plain":{"shape":"PlainMap"},
            "Items":{"shape":"NamedList","locationName":"ItemList"},
            "Flat":{"shape":"FlatList","locationName":"F"},
            "Ratio":{"shape":"D"}, "When":{"shape":"T"}, "Raw":{"shape":"B"},
            "Inner":{"shape":"Inner","xmlNamespace":{"prefix":"p","uri":"urn:p"}},
            "Long":{"shape":"L","locationName":"big"}
            """
        return """
            {"version":"2.0","metadata":{"apiVersion":"2026-01-01","endpointPrefix":"traits",
              "protocol":"\(protocolName)","serviceId":"Traits","signatureVersion":"v4",
              "xmlNamespace":"urn:traits"},
             "operations":{"PutThing":{"name":"PutThing","http":{"method":"POST","requestUri":"/things"},
               "input":{"shape":"PutThingRequest","locationName":"Thing","xmlNamespace":{"uri":"urn:things"}},
               "output":{"shape":"PutThingOutput"\(protocolName == "query" ? #","resultWrapper":"PutThingResult""# : "")}}},
             "shapes":{
              "PutThingRequest":{"type":"structure","members":{\(fields)}},
              "PutThingOutput":{"type":"structure","members":{\(fields)}},
              "Inner":{"type":"structure","members":{
                "Kind":{"shape":"S","xmlAttribute":true,"locationName":"kind"},
                "Value":{"shape":"S","locationName":"value"}}},
              "FlatMap":{"type":"map","key":{"shape":"S","locationName":"K"},"value":{"shape":"S","locationName":"V"},
                "flattened":true},
              "PlainMap":{"type":"map","key":{"shape":"S"},"value":{"shape":"Inner"}},
              "NamedList":{"type":"list","member":{"shape":"S","locationName":"Item"}},
              "FlatList":{"type":"list","member":{"shape":"S","locationName":"Entry"},"flattened":true},
              "S":{"type":"string"},"D":{"type":"double"},"T":{"type":"timestamp"},"B":{"type":"blob"},
              "L":{"type":"long"}}}
            """
    }

    private func compare(_ service: String, model given: ServiceModel? = nil, document: JSONValue? = nil) throws {
        let model = try given ?? BotocoreProtocolOracle.model(service)
        let wire = try ProtocolRegistry.make(for: model)
        let endpointText = Self.endpoints[service] ?? "https://\(model.metadata.endpointPrefix).us-east-1.amazonaws.com"
        let endpoint = try AWSURL(parsing: endpointText)
        var request: JSONValue = [
            "kind": "differential", "service": .string(service), "endpoint": .string(endpointText),
        ]
        if let document, case .object(var members) = request {
            members["model"] = document
            request = .object(members)
        }
        let answers = try BotocoreProtocolOracle.ask([request])
        XCTAssertEqual(answers.count, model.operations.count * 2, "one answer per operation and variant")
        var sameRequests = 0
        var sameOutputs = 0
        var differences: [(key: String, detail: String)] = []
        for answer in answers {
            let name = try XCTUnwrap(answer["operation"]?.stringValue)
            let variant = Int(answer["variant"]?.numberValue ?? 0)
            let operation = try XCTUnwrap(model.operations[name])
            if let problem = Self.requestDifference(wire, operation, answer, endpoint) {
                differences.append(("\(service) request \(name)", "#\(variant) \(problem)"))
            } else {
                sameRequests += 1
            }
            if let problem = Self.outputDifference(wire, operation, answer) {
                differences.append(("\(service) output \(name)", "#\(variant) \(problem)"))
            } else {
                sameOutputs += 1
            }
        }
        print(
            "wire differential \(service): requests same \(sameRequests)/\(answers.count),"
                + " outputs same \(sameOutputs)/\(answers.count)")
        for (kind, count) in WireComparison.deliberate.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("  deliberate (all services so far): \(count) x \(kind.rawValue)")
        }
        for difference in differences {
            let known = Self.knownDifferences[difference.key]
            print("  \(known == nil ? "DIFFERS" : "known") \(difference.key) \(difference.detail)")
            if known == nil { XCTFail("\(difference.key) \(difference.detail)") }
        }
    }

    static func requestDifference(
        _ wire: AWSProtocol, _ operation: OperationModel, _ answer: JSONValue, _ endpoint: AWSURL
    ) -> String? {
        let botocore = answer["request"] ?? .null
        let input = WireComparison.input(answer["reordered"] ?? .object([:]))
        let mine: HTTPRequest
        do {
            mine = try wire.request(operation, input: input, endpoint: endpoint)
        } catch {
            if botocore["error"] != nil { return nil }
            return "gluescript refused the input: \(error)"
        }
        if let refusal = botocore["error"]?.stringValue { return "botocore refused the input: \(refusal)" }
        return WireComparison.request(mine, botocore)
    }

    static func outputDifference(_ wire: AWSProtocol, _ operation: OperationModel, _ answer: JSONValue) -> String? {
        let parsed = answer["parsed"] ?? .null
        let response = answer["response"] ?? .null
        let headers = (response["headers"]?.objectValue ?? [:]).map {
            (name: $0.key, value: $0.value.stringValue ?? "")
        }
        let http = HTTPResponse(
            status: Int(response["status"]?.numberValue ?? 200), headers: headers,
            body: Base64.decode(response["body"]?.stringValue ?? "") ?? [])
        if let error = wire.error(in: http, for: operation) {
            return "gluescript read an error: \(error.code) \(error.message)"
        }
        let mine: JSONValue
        do {
            mine = try wire.parseResponse(http, for: operation)
        } catch {
            if parsed["error"] != nil, parsed.objectValue?.count == 1 { return nil }
            return "gluescript could not parse: \(error)"
        }
        if parsed.objectValue?.count == 1, let failure = parsed["error"]?.stringValue {
            return "botocore could not parse: \(failure)"
        }
        return WireComparison.output(mine, parsed)
    }
}
