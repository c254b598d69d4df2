import AWSCore
import Foundation
import OrderedCollections
import TestPrerequisites
import XCTest

/// Runs botocore (python3) for the query-protocol tests: real service models, and
/// `Oracles/query_oracle.py` as the serializer and parser to agree with.
enum QueryOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Oracles/query_oracle.py")

    static func python(_ arguments: [String], stdin: [UInt8] = []) throws -> [UInt8] {
        try Prerequisite.python(importing: "botocore")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Prerequisite.missing("python3 is not available: \(error)") }
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Prerequisite.missing("python3 with botocore is not available (exit \(process.terminationStatus))")
        }
        return Array(data)
    }

    /// A service model from the installed botocore's data files.
    static func model(_ service: String) throws -> ServiceModel {
        let bytes = try python([
            "-c",
            """
            import botocore, gzip, os, sys
            d = os.path.join(os.path.dirname(botocore.__file__), 'data', sys.argv[1])
            v = os.path.join(d, sorted(os.listdir(d))[-1])
            p = os.path.join(v, 'service-2.json')
            data = gzip.open(p + '.gz').read() if os.path.exists(p + '.gz') else open(p, 'rb').read()
            sys.stdout.buffer.write(data)
            """,
            service,
        ])
        return try ServiceModel(bytes: bytes)
    }

    /// Runs the oracle script on `input` (see its doc string) and returns its answer.
    static func ask(_ input: JSONValue) throws -> JSONValue {
        try JSONDecoding.decode(try python([script.path], stdin: try JSONEncoding.encode(input)))
    }

    /// `value` with object keys sorted and binary data as `{"__binary__": base64}`, as the
    /// oracle writes it, so that values can be compared whatever their key order.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var sorted: OrderedDictionary<String, JSONValue> = [:]
            for key in members.keys.sorted() { sorted[key] = normalized(members[key] ?? .null) }
            return .object(sorted)
        case .array(let items):
            return .array(items.map(normalized))
        case .binary(let bytes):
            return .object(["__binary__": .string(Data(bytes).base64EncodedString())])
        default:
            return value
        }
    }

    /// A small query service using every serialization trait IAM and STS do not: maps,
    /// flattened lists and maps, renamed list members and keys, timestamps, blobs, floats.
    static let syntheticModelJSON = """
        {"version": "2.0",
         "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "test", "protocol": "query",
                      "serviceId": "Test", "signatureVersion": "v4"},
         "operations": {
           "Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "Record"},
                   "output": {"shape": "Record", "resultWrapper": "PutResult"}, "errors": [{"shape": "Conflict"}]}},
         "shapes": {
           "Record": {"type": "structure", "members": {
             "Name": {"shape": "String", "locationName": "WireName"},
             "Items": {"shape": "StringList"},
             "Named": {"shape": "ItemList"},
             "Flat": {"shape": "FlatList"},
             "FlatNamed": {"shape": "FlatNamedList"},
             "Attributes": {"shape": "AttributeMap"},
             "Plain": {"shape": "PlainMap"},
             "FlatMap": {"shape": "FlatMap"},
             "When": {"shape": "Time"},
             "Epoch": {"shape": "Time", "timestampFormat": "unixTimestamp"},
             "Data": {"shape": "Blob"},
             "Ratio": {"shape": "Double"},
             "Weight": {"shape": "Float"},
             "Count": {"shape": "Long"},
             "Enabled": {"shape": "Boolean"},
             "Nested": {"shape": "Nested"},
             "Children": {"shape": "NestedList"},
             "Empty": {"shape": "StringList"}}},
           "Nested": {"type": "structure", "members": {
             "Inner": {"shape": "String", "locationName": "InnerName"}, "Deeper": {"shape": "ItemList"}}},
           "NestedList": {"type": "list", "member": {"shape": "Nested"}},
           "StringList": {"type": "list", "member": {"shape": "String"}},
           "ItemList": {"type": "list", "member": {"shape": "String", "locationName": "Item"}},
           "FlatList": {"type": "list", "member": {"shape": "String"}, "flattened": true},
           "FlatNamedList": {"type": "list", "member": {"shape": "String", "locationName": "Entry"}, "flattened": true},
           "AttributeMap": {"type": "map", "key": {"shape": "String", "locationName": "Name"},
                            "value": {"shape": "Long", "locationName": "Value"}},
           "PlainMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Nested"}},
           "FlatMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}, "flattened": true},
           "Conflict": {"type": "structure", "members": {
             "message": {"shape": "String"}, "Reason": {"shape": "String"}, "Retries": {"shape": "Long"}},
             "error": {"code": "ConflictCode", "httpStatusCode": 409, "senderFault": true}, "exception": true},
           "String": {"type": "string"},
           "Time": {"type": "timestamp"},
           "Blob": {"type": "blob"},
           "Double": {"type": "double"},
           "Float": {"type": "float"},
           "Long": {"type": "long"},
           "Boolean": {"type": "boolean"}}}
        """

    static func syntheticModel() throws -> (json: JSONValue, model: ServiceModel) {
        let json = try JSONDecoding.decode(syntheticModelJSON)
        return (json, try ServiceModel(json: json))
    }

    /// The `key=value` pairs of a form body, decoded and sorted.
    static func pairs(_ body: String) -> [[String]] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.map { PercentEncoding.decode(String($0)) } + (parts.count == 1 ? [""] : [])
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

/// The query protocol of IAM and STS against botocore on the real models: request bodies
/// and parsed responses must agree.
final class QueryProtocolTests: XCTestCase {
    private func body(_ request: HTTPRequest) -> String {
        guard case .bytes(let bytes) = request.body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Builds each `(operation, params)` with QueryProtocol and with botocore, and compares
    /// the form fields.
    private func assertBodiesMatchBotocore(_ service: String, _ cases: [(String, String)]) throws {
        let model = try QueryOracle.model(service)
        let query = QueryProtocol(metadata: model.metadata)
        var requests: [JSONValue] = []
        var ours: [String] = []
        for (name, params) in cases {
            let operation = try XCTUnwrap(model.operations[name], name)
            let input = try JSONDecoding.decode(params)
            let request = try query.buildRequest(
                operation, input: input, endpoint: AWSURL(scheme: "https", host: "\(service).amazonaws.com"))
            XCTAssertEqual(request.method, "POST")
            XCTAssertEqual(request.url, "https://\(service).amazonaws.com/")
            XCTAssertEqual(request.header("content-type"), "application/x-www-form-urlencoded; charset=utf-8")
            ours.append(body(request))
            requests.append(.object(["operation": .string(name), "params": input]))
        }
        let answer = try QueryOracle.ask(.object(["service": .string(service), "requests": .array(requests)]))
        let theirs = try XCTUnwrap(answer["requests"]?.arrayValue)
        for (index, (name, _)) in cases.enumerated() {
            let expected = try XCTUnwrap(theirs[index].stringValue)
            XCTAssertEqual(QueryOracle.pairs(ours[index]), QueryOracle.pairs(expected), name)
            XCTAssertEqual(ours[index], expected, "\(name): same fields in the same order, encoded alike")
        }
    }

    func testIAMRequestBodiesMatchBotocore() throws {
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let quotedTrust = String(data: try JSONEncoder().encode(trust), encoding: .utf8)!
        try assertBodiesMatchBotocore(
            "iam",
            [
                (
                    "CreateRole",
                    """
                    {"RoleName": "glue-demo role+é", "Path": "/service-role/", "AssumeRolePolicyDocument": \(quotedTrust),
                     "Description": "a & b = c; ~*'()!", "MaxSessionDuration": 3600,
                     "PermissionsBoundary": "arn:aws:iam::123456789012:policy/boundary",
                     "Tags": [{"Key": "team", "Value": "data"}, {"Key": "env", "Value": ""}]}
                    """
                ),
                (
                    "CreatePolicy",
                    """
                    {"PolicyName": "demo-s3", "Path": "/", "PolicyDocument": \(quotedTrust),
                     "Description": "read raw", "Tags": [{"Key": "k", "Value": "v"}]}
                    """
                ),
                (
                    "AttachRolePolicy",
                    #"{"RoleName": "glue-demo", "PolicyArn": "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"}"#
                ),
                (
                    "PutRolePolicy",
                    #"{"RoleName": "glue-demo", "PolicyName": "inline", "PolicyDocument": \#(quotedTrust)}"#
                ),
                (
                    "TagRole",
                    #"{"RoleName": "r", "Tags": [{"Key": "a", "Value": "1"}, {"Key": "b c", "Value": "2/3"}]}"#
                ),
                ("UntagRole", #"{"RoleName": "r", "TagKeys": []}"#),
                ("GetAccountAuthorizationDetails", #"{"Filter": ["Role", "LocalManagedPolicy"], "MaxItems": 5}"#),
                ("ListRoles", #"{"PathPrefix": "/", "Marker": "abc==", "MaxItems": 100}"#),
                ("UpdateAssumeRolePolicy", #"{"RoleName": "r", "PolicyDocument": "{}"}"#),
            ])
    }

    func testSTSRequestBodiesMatchBotocore() throws {
        try assertBodiesMatchBotocore(
            "sts",
            [
                (
                    "AssumeRole",
                    """
                    {"RoleArn": "arn:aws:iam::123456789012:role/demo", "RoleSessionName": "gluescript-1",
                     "DurationSeconds": 900, "ExternalId": "ext id", "Policy": "{\\"Version\\":\\"2012-10-17\\"}",
                     "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
                     "Tags": [{"Key": "Project", "Value": "glue"}], "TransitiveTagKeys": ["Project"],
                     "SerialNumber": "arn:aws:iam::123456789012:mfa/user", "TokenCode": "123456"}
                    """
                ),
                ("GetCallerIdentity", "{}"),
                ("GetSessionToken", #"{"DurationSeconds": 3600}"#),
            ])
    }

    /// Parses each `(operation, body)` with QueryProtocol and with botocore and compares the outputs.
    private func assertResponsesMatchBotocore(_ service: String, _ cases: [(String, String)]) throws {
        let model = try QueryOracle.model(service)
        let query = QueryProtocol(metadata: model.metadata)
        let responses: [JSONValue] = cases.map {
            .object(["operation": .string($0.0), "status": .integer(200), "body": .string($0.1)])
        }
        let answer = try QueryOracle.ask(.object(["service": .string(service), "responses": .array(responses)]))
        let theirs = try XCTUnwrap(answer["responses"]?.arrayValue)
        for (index, (name, xml)) in cases.enumerated() {
            let operation = try XCTUnwrap(model.operations[name], name)
            let response = HTTPResponse(status: 200, headers: [("content-type", "text/xml")], body: Array(xml.utf8))
            XCTAssertNil(query.error(in: response, for: operation))
            let ours = try query.parseResponse(response, for: operation)
            XCTAssertEqual(QueryOracle.normalized(ours), QueryOracle.normalized(theirs[index]), name)
        }
    }

    func testIAMResponsesMatchBotocore() throws {
        let encodedTrust =
            "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22"
            + "%3A%7B%22Service%22%3A%22glue.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
        let iam = "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\""
        try assertResponsesMatchBotocore(
            "iam",
            [
                (
                    "CreateRole",
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <CreateRoleResponse \(iam)>
                      <CreateRoleResult>
                        <Role>
                          <Path>/service-role/</Path>
                          <AssumeRolePolicyDocument>\(encodedTrust)</AssumeRolePolicyDocument>
                          <MaxSessionDuration>3600</MaxSessionDuration>
                          <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
                          <RoleName>glue-demo</RoleName>
                          <Arn>arn:aws:iam::123456789012:role/service-role/glue-demo</Arn>
                          <CreateDate>2026-11-26T00:30:34.123Z</CreateDate>
                          <Tags><member><Key>team</Key><Value>data &amp; ml</Value></member></Tags>
                        </Role>
                      </CreateRoleResult>
                      <ResponseMetadata><RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId></ResponseMetadata>
                    </CreateRoleResponse>
                    """
                ),
                (
                    "ListRoles",
                    """
                    <ListRolesResponse \(iam)>
                      <ListRolesResult>
                        <IsTruncated>true</IsTruncated>
                        <Marker>AAEAAXXmarker==</Marker>
                        <Roles>
                          <member><Path>/</Path><RoleName>a</RoleName><RoleId>AROA1</RoleId>
                            <Arn>arn:aws:iam::123456789012:role/a</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>
                            <AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument>
                            <RoleLastUsed><LastUsedDate>2025-06-01T12:00:00Z</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed>
                          </member>
                          <member><Path>/x/</Path><RoleName>b</RoleName><RoleId>AROA2</RoleId>
                            <Arn>arn:aws:iam::123456789012:role/x/b</Arn><CreateDate>2024-01-02T03:04:05+01:00</CreateDate>
                            <Description></Description>
                          </member>
                        </Roles>
                      </ListRolesResult>
                      <ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>
                    </ListRolesResponse>
                    """
                ),
                (
                    "ListRoles",
                    """
                    <ListRolesResponse \(iam)><ListRolesResult><IsTruncated>false</IsTruncated><Roles/></ListRolesResult>
                    <ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata></ListRolesResponse>
                    """
                ),
                (
                    "GetRolePolicy",
                    """
                    <GetRolePolicyResponse \(iam)>
                      <GetRolePolicyResult>
                        <RoleName>glue-demo</RoleName>
                        <PolicyName>inline</PolicyName>
                        <PolicyDocument>\(encodedTrust)</PolicyDocument>
                      </GetRolePolicyResult>
                      <ResponseMetadata><RequestId>req-4</RequestId></ResponseMetadata>
                    </GetRolePolicyResponse>
                    """
                ),
                (
                    "GetAccountSummary",
                    """
                    <GetAccountSummaryResponse \(iam)><GetAccountSummaryResult><SummaryMap>
                      <entry><key>Users</key><value>27</value></entry>
                      <entry><key>RolesQuota</key><value>1000</value></entry>
                    </SummaryMap></GetAccountSummaryResult>
                    <ResponseMetadata><RequestId>req-5</RequestId></ResponseMetadata></GetAccountSummaryResponse>
                    """
                ),
                (
                    "AttachRolePolicy",
                    """
                    <AttachRolePolicyResponse \(iam)>
                      <ResponseMetadata><RequestId>req-6</RequestId></ResponseMetadata>
                    </AttachRolePolicyResponse>
                    """
                ),
            ])
    }

    func testSTSResponsesMatchBotocore() throws {
        let sts = "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\""
        try assertResponsesMatchBotocore(
            "sts",
            [
                (
                    "GetCallerIdentity",
                    """
                    <GetCallerIdentityResponse \(sts)>
                      <GetCallerIdentityResult>
                        <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
                        <UserId>AKIAI44QH8DHBEXAMPLE</UserId>
                        <Account>123456789012</Account>
                      </GetCallerIdentityResult>
                      <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                    </GetCallerIdentityResponse>
                    """
                ),
                (
                    "AssumeRole",
                    """
                    <AssumeRoleResponse \(sts)>
                      <AssumeRoleResult>
                        <SourceIdentity>Alice</SourceIdentity>
                        <AssumedRoleUser>
                          <Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>
                          <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
                        </AssumedRoleUser>
                        <Credentials>
                          <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
                          <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                          <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
                          <Expiration>2019-11-09T13:34:41Z</Expiration>
                        </Credentials>
                        <PackedPolicySize>6</PackedPolicySize>
                      </AssumeRoleResult>
                      <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                    </AssumeRoleResponse>
                    """
                ),
            ])
    }

    func testPolicyDocumentsComeBackDecoded() throws {
        let model = try QueryOracle.model("iam")
        let operation = try XCTUnwrap(model.operations["GetRolePolicy"])
        let query = QueryProtocol(metadata: model.metadata)
        func document(_ encoded: String) throws -> JSONValue? {
            let xml = """
                <GetRolePolicyResponse><GetRolePolicyResult><PolicyDocument>\(encoded)</PolicyDocument>\
                </GetRolePolicyResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetRolePolicyResponse>
                """
            return try query.parseResponse(HTTPResponse(status: 200, body: Array(xml.utf8)), for: operation)[
                "PolicyDocument"]
        }
        XCTAssertEqual(
            try document("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"),
            .object(["Version": .string("2012-10-17"), "Statement": .array([])]))
        XCTAssertEqual(try document("not%20json%2Bplus"), .string("not json+plus"))
    }

    func testResponseMetadataFallsBackToTheRequestIdHeader() throws {
        let model = try QueryOracle.model("sts")
        let operation = try XCTUnwrap(model.operations["GetCallerIdentity"])
        let xml =
            "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
        let response = HTTPResponse(status: 200, headers: [("x-amzn-requestid", "from-header")], body: Array(xml.utf8))
        let output = try QueryProtocol(metadata: model.metadata).parseResponse(response, for: operation)
        XCTAssertEqual(output["Account"], .string("1"))
        XCTAssertEqual(output["ResponseMetadata"]?["RequestId"], .string("from-header"))
        XCTAssertEqual(output["ResponseMetadata"]?["HTTPStatusCode"], .integer(200))
    }

    func testABodyThatIsNotXMLIsAParseErrorNamingTheOperation() throws {
        let model = try QueryOracle.model("sts")
        let operation = try XCTUnwrap(model.operations["GetCallerIdentity"])
        let response = HTTPResponse(status: 200, body: Array("<html><body>proxy".utf8))
        XCTAssertThrowsError(try QueryProtocol(metadata: model.metadata).parseResponse(response, for: operation)) {
            let error = $0 as? AWSError
            XCTAssertEqual(error?.code, "XMLParseError")
            XCTAssertEqual(error?.operation, "GetCallerIdentity")
            XCTAssertTrue(error?.message.hasPrefix("the GetCallerIdentity response is not XML") == true)
        }
    }
}
