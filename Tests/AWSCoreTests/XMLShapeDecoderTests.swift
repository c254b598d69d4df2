import AWSCore
import XCTest

/// XML read by shape as botocore's XML parser reads it, on a model using every trait.
final class XMLShapeDecoderTests: XCTestCase {
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
            HTTPResponse(status: 200, body: Array(XMLShapeDecoderTests.response.utf8)), for: operation)
        let response: JSONValue = .object([
            "operation": .string("Put"), "status": .integer(200), "body": .string(XMLShapeDecoderTests.response),
        ])
        let answer = try QueryOracle.ask(.object(["model": json, "responses": .array([response])]))
        let theirs = try XCTUnwrap(answer["responses"]?.arrayValue?.first)
        XCTAssertEqual(QueryOracle.normalized(ours), QueryOracle.normalized(theirs))
    }

    func testScalarsAreTypedByShape() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let record = try XCTUnwrap(model.operations["Put"]?.output)
        let element = try XCTUnwrap(try AWSCore.XMLElement(parsing: XMLShapeDecoderTests.response).child("PutResult"))
        let value = try XMLShapeDecoder().decode(element, as: record)
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
    }

    func testUnreadableScalarsAreErrorsNamingTheElement() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let record = try XCTUnwrap(model.operations["Put"]?.output)
        for (xml, expected) in [
            ("<R><Count>12abc</Count></R>", "<Count> should hold an integer, but holds \"12abc\""),
            ("<R><When>yesterday</When></R>", "<When> should hold a timestamp, but holds \"yesterday\""),
            ("<R><Data>not base64!</Data></R>", "<Data> should hold base64 data, but holds \"not base64!\""),
        ] {
            XCTAssertThrowsError(try XMLShapeDecoder().decode(try AWSCore.XMLElement(parsing: xml), as: record)) {
                XCTAssertEqual(($0 as? AWSError)?.code, "ResponseParseError")
                XCTAssertEqual(($0 as? AWSError)?.message, expected)
            }
        }
    }

    func testFlattenedElementsAmongOtherMembersAreGatheredAndPaddedScalarsTrimmed() throws {
        let (_, model) = try QueryOracle.syntheticModel()
        let record = try XCTUnwrap(model.operations["Put"]?.output)
        let xml = """
            <R><Entry>e1</Entry><Count> 12 </Count><Entry>e2</Entry>\
            <When>\u{A0}2026-11-26T00:30:34Z\n</When><Entry>e3</Entry><Enabled>\ttrue </Enabled>\
            <FlatMap><key>m1</key><value>v1</value></FlatMap><Ratio>0.5</Ratio>\
            <FlatMap><key>m2</key><value>v2</value></FlatMap></R>
            """
        let value = try XMLShapeDecoder().decode(try AWSCore.XMLElement(parsing: xml), as: record)
        XCTAssertEqual(value["FlatNamed"], .array([.string("e1"), .string("e2"), .string("e3")]))
        XCTAssertEqual(value["FlatMap"], .object(["m1": .string("v1"), "m2": .string("v2")]))
        XCTAssertEqual(value["Count"], .integer(12))
        XCTAssertEqual(value["When"], .string("2026-11-26T00:30:34Z"), "Unicode whitespace is trimmed too")
        XCTAssertEqual(value["Enabled"], .bool(true))
        XCTAssertEqual(value["Ratio"], .double(0.5))
    }
}
