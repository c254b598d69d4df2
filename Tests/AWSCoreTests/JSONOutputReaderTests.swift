import XCTest

@testable import AWSCore

/// The one-pass reader of json answers (`JSONOutputReader`) against the way answers were read
/// before it: the whole body decoded by `JSONDecoding`, then shaped by `outputMembers`. Each
/// body must give the same output, or the same error, both ways.
final class JSONOutputReaderTests: XCTestCase {
    nonisolated(unsafe) private static let glue = Result { try ModelRegistry().model(for: "glue") }

    private func operation(_ name: String) throws -> (JSONProtocol, OperationModel) {
        let model = try Self.glue.get()
        return (JSONProtocol(metadata: model.metadata), try XCTUnwrap(model.operations[name]))
    }

    /// The output as the two-pass path read it, or its error message.
    private func twoPass(_ body: [UInt8], _ operation: OperationModel) -> Result<JSONValue, AWSError> {
        if !body.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) {
            return .success(.object([:]))
        }
        let tree: JSONValue
        do {
            tree = try JSONDecoding.decode(body)
        } catch {
            return .failure(
                AWSError(
                    code: "InvalidResponse",
                    message: "the response to \(operation.name) is not valid JSON: \((error as! AWSError).message)"))
        }
        guard let object = tree.objectValue else {
            return .failure(
                AWSError(code: "InvalidResponse", message: "the response to \(operation.name) is not a JSON object"))
        }
        return .success(.object(JSONProtocol.outputMembers(object, shape: operation.output!)))
    }

    private func assertSameBothWays(
        _ text: String, _ operationName: String = "GetTable", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try assertSameBothWays(Array(text.utf8), operationName, file: file, line: line)
    }

    private func assertSameBothWays(
        _ body: [UInt8], _ operationName: String = "GetTable", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (glue, operation) = try self.operation(operationName)
        let expected = twoPass(body, operation)
        let got = Result { try glue.parseResponse(HTTPResponse(status: 200, body: body), for: operation) }
        switch (expected, got) {
        case (.success(let a), .success(let b)):
            XCTAssertEqual(b, a, file: file, line: line)
        case (.failure(let a), .failure(let b)):
            let b = b as? AWSError
            XCTAssertEqual(b?.code, a.code, file: file, line: line)
            XCTAssertEqual(b?.message, a.message, file: file, line: line)
        default:
            XCTFail("one-pass \(got), two-pass \(expected)", file: file, line: line)
        }
    }

    func testAFullTableReadsAsBefore() throws {
        try assertSameBothWays(
            """
            {"Table": {"Parameters": {"classification": "parquet", "b": "2", "a": "1"},
              "Name": "t1", "DatabaseName": "db", "CreateTime": 1.7e9, "UpdateTime": 1700000000,
              "LastAccessTime": "2024-01-02T03:04:05.678Z", "Retention": 0, "Unknown": {"x": [1, {"y": null}]},
              "StorageDescriptor": {"Columns": [{"Name": "a", "Type": "int", "Parameters": {}},
                {"Name": "b", "Type": "string", "Comment": "é ☃ \\u00e9 \\ud83d\\ude00 \\n\\t\\"\\\\\\/"}],
                "Location": "s3://b/t1/", "Compressed": false, "NumberOfBuckets": -1,
                "SortColumns": [], "BucketColumns": []},
              "PartitionKeys": [], "IsRegisteredWithLakeFormation": true}}
            """)
    }

    func testUnknownMembersAreDroppedWhateverTheyHold() throws {
        try assertSameBothWays(#"{"Extra": [[[{}]], {"a": [null, true, 1e5]}], "Table": {"Name": "t", "More": "x"}}"#)
        try assertSameBothWays(#"{"NextToken": 5, "TableList": "no"}"#)
    }

    func testNullsAreDroppedFromStructuresListsAndMaps() throws {
        try assertSameBothWays(
            #"{"Table": {"Name": null, "Parameters": {"a": null, "b": "x"}, "PartitionKeys": [null]}}"#)
        try assertSameBothWays(#"{"Table": null}"#)
        try assertSameBothWays(#"{"TableList": [null, {"Name": "t"}, null]}"#, "GetTables")
    }

    func testDuplicateKeysKeepTheLastValue() throws {
        try assertSameBothWays(#"{"Table": {"Name": "first", "Name": "second"}}"#)
        try assertSameBothWays(#"{"Table": {"Name": "first", "Name": null}}"#)
        try assertSameBothWays(#"{"Table": {"Parameters": {"k": "1", "j": "2", "k": "3"}}}"#)
        try assertSameBothWays(#"{"Table": {"Parameters": {"k": "1", "k": null}}}"#)
        try assertSameBothWays(#"{"Table": {"Name": "t"}, "Table": {"DatabaseName": "d"}}"#)
    }

    func testValuesOfTheWrongTypeAreKeptAsTheyCame() throws {
        try assertSameBothWays(
            #"{"Table": {"Name": 5, "Retention": "12", "CreateTime": "not a time", "Parameters": [1, null, {"a": null}],"#
                + #" "StorageDescriptor": "text", "PartitionKeys": {"a": [null]}, "IsRegisteredWithLakeFormation": "TRUE","#
                + #" "DatabaseName": {"nested": {"deeper": [true, false, null]}}, "UpdateTime": [1]}}"#)
        try assertSameBothWays(#"{"Table": [1, 2]}"#)
        try assertSameBothWays(#"{"Table": "string"}"#)
        try assertSameBothWays(#"{"Table": {"Retention": 3.0, "StorageDescriptor": {"NumberOfBuckets": 2.5}}}"#)
    }

    func testHugeNumbers() throws {
        try assertSameBothWays(#"{"Table": {"Retention": 99999999999999999999, "Name": 1e308}}"#)
        try assertSameBothWays(#"{"Table": {"Retention": 9223372036854775807, "CreateTime": -9223372036854775808}}"#)
        try assertSameBothWays(#"{"Table": {"Retention": 1e400}}"#)
        try assertSameBothWays(#"{"Unknown": -1e400}"#)
    }

    func testEscapesAndSurrogates() throws {
        try assertSameBothWays(
            #"{"Table": {"Name": "\ud83d\ude00\u0041\u00e9", "Para\u006deters": {"\u00e9": "\u2603"}}}"#)
        try assertSameBothWays(#"{"Table": {"Name": "\ud83d"}}"#)
        try assertSameBothWays(#"{"Table": {"Name": "\ude00"}}"#)
        try assertSameBothWays(#"{"Unknown": "\ud83dx"}"#)
        try assertSameBothWays(#"{"Table": {"Name": "\q"}}"#)
        try assertSameBothWays(#"{"Table": {"Name": "\u12"}}"#)
    }

    func testInvalidUTF8IsRefusedEverywhere() throws {
        for (prefix, suffix) in [
            (#"{"Table": {"Name": ""#, #""}}"#), (#"{"Unknown": ""#, #""}"#), (#"{""#, #"": 1}"#),
            (#"{"Table": {"Parameters": {""#, #"": "x"}}}"#), (#"{"Table": {"Parameters": {"k": "a"#, #""}}}"#),
        ] {
            try assertSameBothWays(Array(prefix.utf8) + [0xC3, 0x28] + Array(suffix.utf8))
            try assertSameBothWays(Array(prefix.utf8) + [0xE9] + Array(suffix.utf8))
        }
    }

    func testTruncatedBodiesAreInvalid() throws {
        let full =
            #"{"Table": {"Name": "t", "Parameters": {"a": "b"}, "PartitionKeys": [{"Name": "p"}], "Retention": 12}}"#
        let bytes = Array(full.utf8)
        for end in 1..<bytes.count { try assertSameBothWays(Array(bytes[..<end])) }
    }

    func testSyntaxErrors() throws {
        for body in [
            #"{"Table": {"Name": "t",}}"#, #"{"Table" {"Name": "t"}}"#, #"{"Table": {"Name": "t"}} x"#,
            #"{"Table": {"Name": tru}}"#, #"{"Table": {"Name": nul}}"#, #"{"Table": {"Retention": 01}}"#,
            #"{"Table": {"Name": "a\tb"}}"#, #"{Table: 1}"#, #"{"TableList": [1,]}"#, "{\"Table\": {\"Name\": \"t\"}",
            "[1, 2]", "[1, ", "\"text\"", "null", "12", #"{"Table": {"Name": -}}"#, #"{"Table": {"Retention": 1.}}"#,
        ] {
            try assertSameBothWays(body)
            try assertSameBothWays(body, "GetTables")
        }
    }

    func testBlankBodiesAreEmptyResults() throws {
        try assertSameBothWays("")
        try assertSameBothWays(" \n\t\r ")
        try assertSameBothWays("{}")
    }

    func testNestingDeeperThanTheLimitIsAnErrorWhereverItIs() throws {
        let limit = JSONDecoding.maximumDepth
        for depth in [limit - 1, limit, limit + 1, 5000] {
            let open = String(repeating: "[", count: depth)
            let close = String(repeating: "]", count: depth)
            try assertSameBothWays(#"{"Unknown": \#(open)\#(close)}"#)
            try assertSameBothWays(#"{"Table": {"Parameters": {"a": \#(open)\#(close)}}}"#)
            try assertSameBothWays(#"{"Table": {"PartitionKeys": \#(open)\#(close)}}"#)
            try assertSameBothWays(#"{"Table": {"Name": \#(open)\#(close)}}"#)
        }
    }

    func testDoublesAndTimestampsAsBefore() throws {
        try assertSameBothWays(
            #"{"ColumnStatisticsList": [{"ColumnName": "c", "AnalyzedTime": "1700000000.5", "StatisticsData":"#
                + #" {"Type": "DOUBLE", "DoubleColumnStatisticsData": {"MinimumValue": 1, "MaximumValue": "-Infinity","#
                + #" "NumberOfNulls": 2.0, "NumberOfDistinctValues": "7"}}}], "Errors": []}"#,
            "GetColumnStatisticsForTable")
        let (glue, operation) = try self.operation("GetColumnStatisticsForTable")
        let body =
            #"{"ColumnStatisticsList": [{"StatisticsData": {"DoubleColumnStatisticsData": {"MinimumValue": "NaN"}}}]}"#
        let output = try glue.parseResponse(HTTPResponse(status: 200, body: Array(body.utf8)), for: operation)
        let minimum = output["ColumnStatisticsList"]?.arrayValue?.first?["StatisticsData"]?[
            "DoubleColumnStatisticsData"]?[
                "MinimumValue"]
        guard case .double(let value)? = minimum else { return XCTFail("NaN read as \(String(describing: minimum))") }
        XCTAssertTrue(value.isNaN)
    }

    func testResponseMetadataComesLast() throws {
        let (glue, operation) = try self.operation("GetTable")
        let response = HTTPResponse(
            status: 200, headers: [("x-amzn-RequestId", "r-1")], body: Array(#"{"Table": {"Name": "t"}}"#.utf8))
        let output = try glue.parseResponse(response, for: operation)
        XCTAssertEqual(output.objectValue?.keys.elements, ["Table", "ResponseMetadata"])
        XCTAssertEqual(output["ResponseMetadata"], ["RequestId": "r-1"])
    }

    func testStructureMembersComeInModelOrder() throws {
        let (glue, operation) = try self.operation("GetTable")
        let response = HTTPResponse(
            status: 200, body: Array(#"{"Table": {"Retention": 1, "DatabaseName": "d", "Name": "t"}}"#.utf8))
        let table = try glue.parseResponse(response, for: operation)["Table"]
        XCTAssertEqual(table?.objectValue?.keys.elements, ["Name", "DatabaseName", "Retention"])
    }
}
