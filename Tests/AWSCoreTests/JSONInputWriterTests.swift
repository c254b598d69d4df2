import XCTest

@testable import AWSCore

/// The json protocol's input written straight to bytes (`JSONInputWriter`): what goes on the
/// wire for the cases botocore's comparison in `JSONProtocolTests` does not reach.
final class JSONInputWriterTests: XCTestCase {
    private let model = try! ServiceModel(bytes: Array(JSONInputWriterTests.modelJSON.utf8))

    private func body(_ input: JSONValue) throws -> String {
        let json = JSONProtocol(metadata: model.metadata)
        let request = try json.buildRequest(
            try XCTUnwrap(model.operations["PutThing"]), input: input,
            endpoint: AWSURL(scheme: "https", host: "things.example.com"))
        guard case .bytes(let bytes) = request.body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testStringsAreEscapedAsJSONAndTextIsKeptAsItIs() throws {
        let text = "tab\there \"quoted\" back\\slash\u{1}\u{1F} é ☃\nend\r\u{8}\u{C}"
        XCTAssertEqual(
            try body(["Name": .string(text)]),
            #"{"name":"tab\there \"quoted\" back\\slash\u0001\u001f é ☃\nend\r\b\f"}"#)
        XCTAssertEqual(try JSONDecoding.decode(Array(try body(["Name": .string(text)]).utf8)), ["name": .string(text)])
    }

    func testMembersGoUnderTheirWireNamesAndNullsAreLeftOut() throws {
        XCTAssertEqual(
            try body(["Name": "a", "Count": .null, "Items": [["Key": "k", "Size": .null], .null, ["Key": "j"]]]),
            #"{"name":"a","items":[{"Key":"k"},{"Key":"j"}]}"#)
        XCTAssertEqual(try body([:]), "{}")
    }

    func testTwoMembersWithOneWireNameSendTheLastGivenWhereTheFirstWouldGo() throws {
        XCTAssertEqual(try body(["Name": "first", "Count": 2, "Alias": "second"]), #"{"name":"second","count":2}"#)
        XCTAssertEqual(try body(["Count": 2, "Alias": .null, "Name": "first"]), #"{"count":2,"name":"first"}"#)
    }

    func testNumbersTimestampsBlobsAndMapsTakeTheirWireForms() throws {
        XCTAssertEqual(
            try body([
                "Ratio": .double(.infinity), "When": .string("2026-12-01T10:00:00.5Z"), "Data": .string("hi"),
                "Tags": ["a b": "x", "c": .null],
            ]),
            #"{"Ratio":"Infinity","When":1796119200.5,"Data":"aGk=","Tags":{"a b":"x"}}"#)
    }

    func testADocumentThatCannotBeJSONNamesWhereItLies() throws {
        XCTAssertThrowsError(try body(["Settings": ["inner": .double(.nan)]])) {
            XCTAssertEqual(($0 as? AWSError)?.code, "JSONEncodeError")
            XCTAssertTrue(($0 as? AWSError)?.message.contains(".Settings.inner") == true, "\($0)")
        }
    }

    static let modelJSON = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"things","protocol":"json",
         "jsonVersion":"1.1","serviceId":"Things","targetPrefix":"Things"},
         "operations":{
           "PutThing":{"name":"PutThing","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutThingRequest"}}},
         "shapes":{
           "PutThingRequest":{"type":"structure","members":{
             "Name":{"shape":"Name","locationName":"name"},"Alias":{"shape":"Name","locationName":"name"},
             "Count":{"shape":"Count","locationName":"count"},"Ratio":{"shape":"Ratio"},"Data":{"shape":"Data"},
             "When":{"shape":"When"},"Items":{"shape":"Items","locationName":"items"},"Tags":{"shape":"Tags"},
             "Settings":{"shape":"Settings"}}},
           "Name":{"type":"string"},
           "Count":{"type":"integer"},
           "Ratio":{"type":"double"},
           "Data":{"type":"blob"},
           "When":{"type":"timestamp"},
           "Items":{"type":"list","member":{"shape":"Item"}},
           "Item":{"type":"structure","members":{"Key":{"shape":"Name"},"Size":{"shape":"Count"}}},
           "Tags":{"type":"map","key":{"shape":"Name"},"value":{"shape":"Name"}},
           "Settings":{"type":"structure","members":{},"document":true}}}
        """
}
