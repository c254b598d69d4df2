import AWSCore
import Foundation
import XCTest

/// XML answers read in one pass by shape (`XMLOutputReader`, through the query and rest-xml
/// protocols) as botocore's XML parser reads them, on a model using every trait, and the
/// edges of the rules: elements out of order, repeated or unknown, names shared by two
/// members, attributes, entities, and documents that are not XML.
final class XMLOutputReaderTests: XCTestCase {
    static let response = """
        <PutResponse xmlns="https://test.amazonaws.com/doc/2020-01-01/">
          <PutResult>
            <WireName>name &amp; more</WireName>
            <Items><member>a</member><member>b</member></Items>
            <Named><Item>x</Item></Named>
            <Flat>f1</Flat>
            <Entry>e1</Entry><Entry>e2</Entry>
            <Attributes><entry><Name>size</Name><Value>3</Value></entry><entry><Name>count</Name><Value>-4</Value></entry></Attributes>
            <Plain><entry><key>k</key><value><InnerName>i</InnerName><Deeper><Item>d</Item></Deeper></value></entry></Plain>
            <FlatMap><key>m1</key><value>v1</value></FlatMap>
            <FlatMap><key>m2</key><value>v2</value></FlatMap>
            <When>2026-11-26T00:30:34.789Z</When>
            <Epoch>1700000000</Epoch>
            <Data>aGVsbG8gd29ybGQ=</Data>
            <Ratio>0.25</Ratio>
            <Weight>-1.5e3</Weight>
            <Count>9007199254740993</Count>
            <Enabled>true</Enabled>
            <Nested><InnerName><![CDATA[<raw>]]></InnerName><Deeper/></Nested>
            <Children><member><InnerName>c1</InnerName></member><member><InnerName>c2</InnerName></member></Children>
            <Empty></Empty>
          </PutResult>
          <ResponseMetadata><RequestId>synthetic-1</RequestId></ResponseMetadata>
        </PutResponse>
        """

    func testEveryTraitMatchesBotocore() throws {
        let (json, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        let ours = try QueryProtocol(metadata: model.metadata).parseResponse(
            HTTPResponse(status: 200, body: Array(XMLOutputReaderTests.response.utf8)), for: operation)
        let response: JSONValue = .object([
            "operation": .string("Put"), "status": .integer(200), "body": .string(XMLOutputReaderTests.response),
        ])
        let answer = try QueryOracle.ask(.object(["model": json, "responses": .array([response])]))
        let theirs = try XCTUnwrap(answer["responses"]?.arrayValue?.first)
        XCTAssertEqual(QueryOracle.normalized(ours), QueryOracle.normalized(theirs))
    }

    /// The `Put` output read from `<PutResult>` holding `inner`.
    private func put(_ inner: String) throws -> JSONValue {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        let body = "<PutResponse><PutResult>\(inner)</PutResult></PutResponse>"
        return try QueryProtocol(metadata: model.metadata).parseResponse(
            HTTPResponse(status: 200, body: Array(body.utf8)), for: operation)
    }

    func testScalarsAreTypedByShape() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        let value = try QueryProtocol(metadata: model.metadata).parseResponse(
            HTTPResponse(status: 200, body: Array(XMLOutputReaderTests.response.utf8)), for: operation)
        XCTAssertEqual(value["When"], .string("2026-11-26T00:30:34.789Z"))
        XCTAssertEqual(value["Epoch"], .string("2023-11-14T22:13:20Z"))
        XCTAssertEqual(value["Data"], .binary(Array("hello world".utf8)))
        XCTAssertEqual(value["Weight"], .double(-1500))
        XCTAssertEqual(value["Count"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(value["Enabled"], .bool(true))
        XCTAssertEqual(value["FlatNamed"], .array([.string("e1"), .string("e2")]))
        XCTAssertEqual(value["Attributes"], .object(["size": .integer(3), "count": .integer(-4)]))
        XCTAssertEqual(value["Empty"], .array([]))
        XCTAssertEqual(value["Name"], .string("name & more"), "read from <WireName>, keyed by the member name")
        XCTAssertNil(value["WireName"])
        XCTAssertEqual(value["Nested"]?["Inner"], .string("<raw>"))
        XCTAssertEqual(value["ResponseMetadata"]?["RequestId"], .string("synthetic-1"))
        XCTAssertEqual(value["ResponseMetadata"]?["HTTPStatusCode"], .integer(200))
    }

    func testUnreadableScalarsAreErrorsNamingTheElement() throws {
        for (xml, expected) in [
            ("<Count>12abc</Count>", "<Count> should hold an integer, but holds \"12abc\""),
            ("<When>yesterday</When>", "<When> should hold a timestamp, but holds \"yesterday\""),
            ("<Data>not base64!</Data>", "<Data> should hold base64 data, but holds \"not base64!\""),
            (
                "<Ratio>\(String(repeating: "9", count: 41))x</Ratio>",
                "<Ratio> should hold a number, but holds \"\(String(repeating: "9", count: 40))...\""
            ),
        ] {
            XCTAssertThrowsError(try put(xml)) {
                XCTAssertEqual(($0 as? AWSError)?.code, "ResponseParseError")
                XCTAssertEqual(($0 as? AWSError)?.message, expected)
            }
        }
    }

    func testADocumentThatIsNotXMLSaysSoEvenAfterAnUnreadableValue() throws {
        XCTAssertThrowsError(try put("<Count>x</Count><Name>a</Nome>")) {
            XCTAssertEqual(($0 as? AWSError)?.code, "XMLParseError")
            XCTAssertTrue(($0 as? AWSError)?.message.contains("closing tag </Nome> does not match <Name>") == true)
        }
    }

    func testFlattenedElementsAmongOtherMembersAreGatheredAndPaddedScalarsTrimmed() throws {
        let value = try put(
            """
            <Entry>e1</Entry><Count> 12 </Count><Entry>e2</Entry>\
            <When>\u{A0}2026-11-26T00:30:34Z\n</When><Entry>e3</Entry><Enabled>\ttrue </Enabled>\
            <FlatMap><key>m1</key><value>v1</value></FlatMap><Ratio>0.5</Ratio>\
            <FlatMap><key>m2</key><value>v2</value></FlatMap>
            """)
        XCTAssertEqual(value["FlatNamed"], .array([.string("e1"), .string("e2"), .string("e3")]))
        XCTAssertEqual(value["FlatMap"], .object(["m1": .string("v1"), "m2": .string("v2")]))
        XCTAssertEqual(value["Count"], .integer(12))
        XCTAssertEqual(value["When"], .string("2026-11-26T00:30:34Z"), "Unicode whitespace is trimmed too")
        XCTAssertEqual(value["Enabled"], .bool(true))
        XCTAssertEqual(value["Ratio"], .double(0.5))
    }

    func testTheFirstElementOfANameWinsAndUnknownElementsAreSkipped() throws {
        let value = try put(
            """
            <Unknown><Count>7</Count><deep><deeper>x</deeper></deep></Unknown><Count>1</Count>\
            <Count>not read</Count><Nested><InnerName>a</InnerName><InnerName>b</InnerName></Nested>
            """)
        XCTAssertEqual(value["Count"], .integer(1))
        XCTAssertEqual(value["Nested"]?["Inner"], .string("a"))
        XCTAssertNil(value["Unknown"])
    }

    func testMapEntriesInAnyOrderAndWithoutKeyOrValue() throws {
        let value = try put(
            """
            <Attributes><entry><Value>1</Value><Name>one</Name></entry><entry><Value>2</Value></entry>\
            <entry><Name>none</Name></entry><entry><Name>one</Name><Value>3</Value></entry><entry/></Attributes>
            """)
        XCTAssertEqual(value["Attributes"], .object(["one": .integer(3), "none": .null]))
        XCTAssertEqual(value["Attributes"]?.objectValue?.keys.elementsEqual(["one", "none"]), true)
    }

    func testPrefixesEntitiesCDATAAndCommentsInsideValues() throws {
        let value = try put(
            """
            <p:WireName xmlns:p="urn:x">a&lt;&#x41;&#66;<!-- c --><![CDATA[&amp;]]><?pi x?>\r\nz<skipped>q</skipped></p:WireName>\
            <Items><member>a</member><item>b</item><m/></Items>
            """)
        XCTAssertEqual(value["Name"], .string("a<AB&amp;\nz"))
        XCTAssertEqual(value["Items"], .array([.string("a"), .string("b"), .string("")]))
    }

    func testTextThatIsNotUTF8IsAnErrorEvenInSkippedElements() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        for inner in [[0xC3], [0xC3, 0x3C, 0x61, 0x2F, 0x3E, 0xA9, 0x41]] as [[UInt8]] {
            let body =
                Array("<PutResponse><PutResult><Unknown>".utf8) + inner
                + Array("</Unknown></PutResult></PutResponse>".utf8)
            let response = HTTPResponse(status: 200, body: body)
            let tree = Result { try AWSCore.XMLElement(parsing: body) }
            let read = Result { try QueryProtocol(metadata: model.metadata).parseResponse(response, for: operation) }
            switch (tree, read) {
            case (.success, .success): break
            case (.failure(let expected as AWSError), .failure(let got as AWSError)):
                XCTAssertEqual(got.message, "the Put response is not XML: " + expected.message)
            default: XCTFail("the tree reader and the answer reader disagree on \(inner): \(tree) against \(read)")
            }
        }
    }

    /// Every document `XMLElement` refuses is refused with the same message.
    func testDocumentsThatAreNotXMLGiveTheTreeReadersErrors() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        let deep = String(repeating: "<a>", count: 600) + String(repeating: "</a>", count: 600)
        for document in [
            "<PutResponse><PutResult><Count>1</Count></PutResult>", "<a><b></c></a>", "</a>", "<![CDATA[x]]>",
            "<!x>", "text", "<a/><b/>", "<a x='1' x='2'/>", "<p:a/>", "<a>AT&T</a>", "<a>&#xD800;</a>",
            "<a x=1/>", "<a><![CDATA[x</a>", "<a><!-- x</a>", "<a>&lol;</a>", "<a><!DOCTYPE x></a>",
            "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", "<a:b:c/>", "<a><b", deep,
            "<PutResponse><PutResult><q:x/></PutResult></PutResponse>",
        ] {
            let response = HTTPResponse(status: 200, body: Array(document.utf8))
            var expected = ""
            XCTAssertThrowsError(try AWSCore.XMLElement(parsing: document), document) {
                expected = ($0 as? AWSError)?.message ?? ""
            }
            XCTAssertThrowsError(try QueryProtocol(metadata: model.metadata).parseResponse(response, for: operation)) {
                XCTAssertEqual(($0 as? AWSError)?.code, "XMLParseError", document)
                XCTAssertEqual(($0 as? AWSError)?.message, "the Put response is not XML: " + expected, document)
                XCTAssertEqual(($0 as? AWSError)?.operation, "Put")
            }
        }
    }

    func testWithoutAResultWrapperTheRootIsTheResultAndStillGivesItsRequestId() throws {
        let json = try JSONDecoding.decode(
            QueryOracle.syntheticModelJSON.replacingOccurrences(of: ", \"resultWrapper\": \"PutResult\"", with: ""))
        let model = try ServiceModel(json: json)
        let operation = try XCTUnwrap(model.operations["Put"])
        XCTAssertNil(operation.resultWrapper)
        let body = """
            <PutResponse xmlns:p="urn:p"><p:Count>5</p:Count><requestId>r-9</requestId>\
            <Entry>e1</Entry><p:Entry>e2</p:Entry></PutResponse>
            """
        let value = try QueryProtocol(metadata: model.metadata, ec2: true).parseResponse(
            HTTPResponse(status: 200, body: Array(body.utf8)), for: operation)
        XCTAssertEqual(value["Count"], .integer(5))
        XCTAssertEqual(value["FlatNamed"], .array([.string("e1"), .string("e2")]))
        XCTAssertEqual(
            value["ResponseMetadata"], .object(["RequestId": .string("r-9"), "HTTPStatusCode": .integer(200)]))
    }

    func testS3ElementsSharedByTwoMembersAttributesAndPayloads() throws {
        let s3 = try ModelRegistry().model(for: "s3")
        let wire = RESTXMLProtocol(metadata: s3.metadata)
        func read(_ name: String, _ body: String, headers: [(String, String)] = []) throws -> JSONValue {
            try wire.parseResponse(
                HTTPResponse(status: 200, headers: headers, body: Array(body.utf8)),
                for: try XCTUnwrap(s3.operations[name]))
        }
        let notifications = try read(
            "GetBucketNotification",
            """
            <NotificationConfigurationDeprecated><QueueConfiguration><Event>s3:A</Event><Id>q</Id>\
            <Event>s3:B</Event><Queue>arn</Queue></QueueConfiguration></NotificationConfigurationDeprecated>
            """)
        XCTAssertEqual(notifications["QueueConfiguration"]?["Event"], .string("s3:A"))
        XCTAssertEqual(notifications["QueueConfiguration"]?["Events"], .array([.string("s3:A"), .string("s3:B")]))
        XCTAssertEqual(notifications["QueueConfiguration"]?["Id"], .string("q"))

        let acl = try read(
            "GetObjectAcl",
            """
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessControlList>\
            <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">\
            <ID>id1</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>
            """, headers: [("x-amz-request-charged", "requester"), ("x-amz-request-id", "r1"), ("x-amz-id-2", "h1")])
        let grantee = acl["Grants"]?.arrayValue?.first?["Grantee"]
        XCTAssertEqual(grantee?["Type"], .string("CanonicalUser"))
        XCTAssertEqual(grantee?["ID"], .string("id1"))
        XCTAssertEqual(acl["RequestCharged"], .string("requester"))
        XCTAssertEqual(acl["ResponseMetadata"], .object(["RequestId": .string("r1"), "HostId": .string("h1")]))

        XCTAssertEqual(
            try read("GetBucketPolicy", "{\"Version\": \"2012-10-17\"}")["Policy"],
            .string("{\"Version\": \"2012-10-17\"}"))
        XCTAssertEqual(
            try read("GetBucketTagging", "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>")[
                "TagSet"],
            .array([.object(["Key": .string("k"), "Value": .string("v")])]))
        let status = try read("GetBucketPolicyStatus", "<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>")
        XCTAssertEqual(status["PolicyStatus"], .object(["IsPublic": .bool(true)]))
        XCTAssertEqual(try read("GetBucketPolicyStatus", "  ")["PolicyStatus"], .object([:]))
        XCTAssertEqual(
            try read("GetBucketLocation", "<LocationConstraint>eu-west-1</LocationConstraint>")["LocationConstraint"],
            .string("eu-west-1"))
        XCTAssertNil(try read("GetBucketLocation", "<LocationConstraint/>")["LocationConstraint"])
    }

    func testS3ErrorInsideA200IsFoundAndACutOffBodyIsARetryableParseError() throws {
        let s3 = try ModelRegistry().model(for: "s3")
        let wire = RESTXMLProtocol(metadata: s3.metadata)
        let operation = try XCTUnwrap(s3.operations["CopyObject"])
        let error = wire.error(
            in: HTTPResponse(
                status: 200,
                body: Array("<!-- x --><Error><Code>InternalError</Code><Message>m</Message></Error>\n<!-- y -->".utf8)),
            for: operation)
        XCTAssertEqual(error?.code, "InternalError")
        XCTAssertEqual(error?.retryable, true)
        let cut = wire.error(
            in: HTTPResponse(status: 200, body: Array("<CopyObjectResult><ETag>".utf8)), for: operation)
        XCTAssertEqual(cut?.code, "XMLParseError")
        XCTAssertNil(
            wire.error(
                in: HTTPResponse(status: 200, body: Array("<?xml version='1.0'?><CopyObjectResult/>".utf8)),
                for: operation))
    }
}
