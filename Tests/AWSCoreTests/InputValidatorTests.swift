import XCTest

@testable import AWSCore

/// Bad parameters are reported, all at once and by path, before anything is sent.
final class InputValidatorTests: XCTestCase {
    private let model = try! ServiceModel(bytes: Array(InputValidatorTests.modelJSON.utf8))

    func testTheGlueCrawlerExampleNamesEachProblemByPath() throws {
        let glue = try ModelRegistry().model(for: "glue")
        let input = try JSONDecoding.decode(
            #"{"Role": "arn", "DatabaseName": "db", "Targets": {"S3Targets": [{"Path": "s3://b/"}, {"Path": 7}]}}"#)
        XCTAssertThrowsError(
            try InputValidator().validate(input, for: try glue.operation(method: "create_crawler"), service: "glue")
        ) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "ValidationError")
            XCTAssertEqual(error?.operation, "CreateCrawler")
            XCTAssertEqual(
                error?.message,
                "Invalid parameters for glue.CreateCrawler: Targets.S3Targets[2].Path: expected string, got number; "
                    + "Name: missing required parameter")
        }
    }

    func testAValidInputPasses() throws {
        let input = """
            {"Name": "n", "Count": 3, "Big": 12.0, "Ratio": 1, "Share": 0.5, "Flag": true, "Data": "raw",
             "When": "2026-11-26T00:30:34Z", "Items": [{"Key": "a"}], "Tags": {"team": "data"},
             "Settings": {"anything": [1, {"goes": null}]}, "Choice": {"ByName": "x"}}
            """
        XCTAssertEqual(problems(input), [])
        XCTAssertEqual(problems(#"{"Name": "n", "When": 1764117034.5, "Data": "\u00e9"}"#), [])
    }

    func testRequiredMembersAtEveryLevel() {
        XCTAssertEqual(
            problems(#"{"Items": [{"Key": "a"}, {}]}"#),
            [
                "Items[2].Key: missing required parameter", "Name: missing required parameter",
            ])
    }

    func testANullMemberCountsAsAbsent() {
        XCTAssertEqual(problems(#"{"Name": null, "Count": null}"#), ["Name: missing required parameter"])
        XCTAssertEqual(problems("null"), ["Name: missing required parameter"])
    }

    func testTypesOfEveryKindOfShape() {
        let input = """
            {"Name": 5, "Count": "3", "Big": 1.5, "Ratio": "x", "Flag": "yes", "Data": 9, "When": "yesterday",
             "Items": {"Key": "a"}, "Tags": ["a"], "Choice": "ByName"}
            """
        XCTAssertEqual(
            problems(input),
            [
                "Name: expected string, got number",
                "Count: expected integer, got string",
                "Big: expected integer, got number 1.5",
                "Ratio: expected number, got string",
                "Flag: expected boolean, got string",
                "Data: expected string (blob), got number",
                "When: expected timestamp (ISO 8601 string or epoch seconds), got string \"yesterday\"",
                "Items: expected list, got table",
                "Tags: expected table (map), got list",
                "Choice: expected table (structure), got string",
            ])
    }

    func testTimestampsOutsideTheYearsAWSKnowsAreReported() {
        XCTAssertEqual(
            validator(.object(["Name": .string("n"), "When": .double(1e300)])),
            ["When: timestamp 1e+300 epoch seconds is outside the years 1 to 9999"])
        XCTAssertEqual(
            validator(.object(["Name": .string("n"), "When": .double(.nan)])),
            ["When: expected timestamp (ISO 8601 string or epoch seconds), got NaN"])
        XCTAssertEqual(
            validator(.object(["Name": .string("n"), "When": .integer(.min)])),
            ["When: timestamp -9.223372036854776e+18 epoch seconds is outside the years 1 to 9999"])
        XCTAssertEqual(validator(.object(["Name": .string("n"), "When": .integer(253_402_300_799)])), [])
    }

    func testAnInputThatIsNotATable() {
        XCTAssertEqual(problems(#""Name""#), ["input: expected table (structure), got string"])
    }

    func testEmptyTablesPassForEveryContainer() {
        XCTAssertEqual(problems(#"{"Name": "n", "Tags": [], "Settings": []}"#), [])
        XCTAssertEqual(problems(#"{"Name": "n", "Items": {}}"#), ["Items: length 0 is below the minimum 1"])
    }

    func testUnknownParametersSuggestTheClosestOrListTheValidOnes() {
        XCTAssertEqual(
            problems(#"{"Name": "n", "Nmae": "x", "Items": [{"Key": "a", "Kye": "b"}]}"#),
            [
                "Nmae: unknown parameter; did you mean Name?",
                "Items[1].Kye: unknown parameter; did you mean Key?",
            ])
        XCTAssertEqual(
            problems(#"{"Name": "n", "Items": [{"Key": "a", "Zzzzzz": 1}]}"#),
            [
                "Items[1].Zzzzzz: unknown parameter; expected one of: Key, Size"
            ])
    }

    func testLengthLimitsOfStringsListsMapsAndBlobs() {
        let input = """
            {"Name": "", "Items": [], "Tags": {"a": "1", "b": "2", "c": "3"}, "Data": "too long blob"}
            """
        XCTAssertEqual(
            problems(input),
            [
                "Name: length 0 is below the minimum 1",
                "Items: length 0 is below the minimum 1",
                "Tags: length 3 is above the maximum 2",
                "Data: length 13 is above the maximum 4",
            ])
        XCTAssertEqual(problems(#"{"Name": "élan1234567"}"#), ["Name: length 11 is above the maximum 10"])
    }

    func testLengthsCountCharactersNotBytes() {
        XCTAssertEqual(problems(#"{"Name": "ééééééééé"}"#), [])
    }

    func testNumberRanges() {
        XCTAssertEqual(
            problems(#"{"Name": "n", "Count": 0, "Share": 1.5}"#),
            [
                "Count: value 0 is below the minimum 1",
                "Share: value 1.5 is above the maximum 1",
            ])
        XCTAssertEqual(problems(#"{"Name": "n", "Count": 101}"#), ["Count: value 101 is above the maximum 100"])
    }

    func testMapKeysAndValuesAreCheckedWithTheKeyInThePath() {
        XCTAssertEqual(
            problems(#"{"Name": "n", "Tags": {"": "x", "my key": 5}}"#),
            [
                "Tags: key \"\": length 0 is below the minimum 1",
                "Tags[\"my key\"]: expected string, got number",
            ])
        XCTAssertEqual(
            problems(#"{"Name": "n", "Tags": {"team": false}}"#), ["Tags.team: expected string, got boolean"])
    }

    func testAUnionTakesExactlyOneMember() {
        XCTAssertEqual(
            problems(#"{"Name": "n", "Choice": {"ByName": "a", "ById": 1}}"#),
            [
                "Choice: exactly one of ByName, ById must be set, got ByName, ById"
            ])
        XCTAssertEqual(
            problems(#"{"Name": "n", "Choice": {}}"#), ["Choice: exactly one of ByName, ById must be set, got none"])
    }

    func testEnumValuesAreNotChecked() {
        XCTAssertEqual(problems(#"{"Name": "n", "Mode": "A_VALUE_AWS_ADDED_LATER"}"#), [])
    }

    func testBinaryDataPassesAsABlobButNotAsAString() {
        var input: OrderedDictionaryInput = ["Name": .binary([0xff]), "Data": .binary([0, 1])]
        XCTAssertEqual(validator(input.value), ["Name: expected string, got binary data (not UTF-8 text)"])
        input = ["Name": .string("n"), "Data": .binary([0, 1])]
        XCTAssertEqual(validator(input.value), [])
    }

    func testAnOperationWithoutInputTakesNoParameters() throws {
        let sts = try ModelRegistry().model(for: "sts")
        let operation = try sts.operation(method: "get_caller_identity")
        XCTAssertNoThrow(try InputValidator().validate(.object([:]), for: operation, service: "sts"))
        let empty = try ServiceModel(bytes: Array(Self.modelJSON.utf8)).operations["Ping"]!
        XCTAssertEqual(
            InputValidator().problems(in: .object(["Extra": .integer(1)]), for: empty),
            ["Extra: unknown parameter (the operation takes no parameters)"])
    }

    private func problems(_ json: String) -> [String] {
        validator((try? JSONDecoding.decode(json)) ?? .null)
    }

    private func validator(_ input: JSONValue) -> [String] {
        InputValidator().problems(in: input, for: model.operations["PutThing"]!)
    }

    private struct OrderedDictionaryInput: ExpressibleByDictionaryLiteral {
        let value: JSONValue
        init(dictionaryLiteral elements: (String, JSONValue)...) {
            value = .object(.init(uniqueKeysWithValues: elements))
        }
    }

    static let modelJSON = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"things","protocol":"json",
         "jsonVersion":"1.1","serviceId":"Things","targetPrefix":"Things"},
         "operations":{
           "PutThing":{"name":"PutThing","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutThingRequest"}},
           "Ping":{"name":"Ping","http":{"method":"POST","requestUri":"/"}}},
         "shapes":{
           "PutThingRequest":{"type":"structure","required":["Name"],"members":{
             "Name":{"shape":"Name"},"Count":{"shape":"Count"},"Big":{"shape":"Big"},"Ratio":{"shape":"Ratio"},
             "Share":{"shape":"Share"},"Flag":{"shape":"Flag"},"Data":{"shape":"Data"},"When":{"shape":"When"},
             "Items":{"shape":"Items"},"Tags":{"shape":"Tags"},"Settings":{"shape":"Settings"},
             "Choice":{"shape":"Choice"},"Mode":{"shape":"Mode"}}},
           "Name":{"type":"string","min":1,"max":10},
           "Count":{"type":"integer","min":1,"max":100},
           "Big":{"type":"long"},
           "Ratio":{"type":"double"},
           "Share":{"type":"float","min":0,"max":1},
           "Flag":{"type":"boolean"},
           "Data":{"type":"blob","max":4},
           "When":{"type":"timestamp"},
           "Items":{"type":"list","member":{"shape":"Item"},"min":1},
           "Item":{"type":"structure","required":["Key"],"members":{"Key":{"shape":"Name"},"Size":{"shape":"Count"}}},
           "Tags":{"type":"map","key":{"shape":"Name"},"value":{"shape":"TagValue"},"max":2},
           "TagValue":{"type":"string"},
           "Settings":{"type":"structure","members":{},"document":true},
           "Choice":{"type":"structure","union":true,"members":{"ByName":{"shape":"Name"},"ById":{"shape":"Count"}}},
           "Mode":{"type":"string","enum":["ON","OFF"]}}}
        """
}
