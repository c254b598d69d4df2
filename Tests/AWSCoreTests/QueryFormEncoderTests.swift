import AWSCore
import XCTest

/// Form fields for every serialization trait of the query protocol, checked against
/// botocore on a small model that uses them all.
final class QueryFormEncoderTests: XCTestCase {
    private func formBody(_ params: String) throws -> String {
        let (_, model) = try QueryOracle.syntheticModel()
        let operation = try XCTUnwrap(model.operations["Put"])
        return try QueryProtocol(metadata: model.metadata).formBody(operation, input: try JSONDecoding.decode(params))
    }

    func testEveryTraitMatchesBotocore() throws {
        let params = """
            {"Name": "n a/me", "Items": ["a", "b"], "Named": ["x"], "Flat": ["f1", "f2"], "FlatNamed": ["e1", "e2"],
             "Attributes": {"size": 3, "count": -4}, "Plain": {"k": {"Inner": "i", "Deeper": ["d"]}},
             "FlatMap": {"m1": "v1", "m2": "v2"}, "When": "2026-11-26T00:30:34Z", "Epoch": 1700000000,
             "Data": "hello", "Ratio": 0.25, "Weight": 1e20, "Count": 9007199254740993, "Enabled": false,
             "Nested": {"Inner": "deep", "Deeper": []}, "Children": [{"Inner": "c1"}, {"Inner": "c2", "Deeper": ["z"]}],
             "Empty": []}
            """
        let ours = try formBody(params)
        let (json, _) = try QueryOracle.syntheticModel()
        let request: JSONValue = .object(["operation": .string("Put"), "params": try JSONDecoding.decode(params)])
        let answer = try QueryOracle.ask(.object(["model": json, "requests": .array([request])]))
        let theirs = try XCTUnwrap(answer["requests"]?.arrayValue?.first?.stringValue)
        XCTAssertEqual(QueryOracle.pairs(ours), QueryOracle.pairs(theirs))
    }

    func testNamesFollowTheModel() throws {
        let pairs = QueryOracle.pairs(
            try formBody(
                """
                {"Name": "x", "Named": ["a"], "FlatNamed": ["b"], "Attributes": {"k": 1}, "FlatMap": {"m": "v"},
                 "Items": [], "Enabled": true}
                """))
        XCTAssertEqual(
            pairs,
            [
                ["Action", "Put"], ["Attributes.entry.1.Name", "k"], ["Attributes.entry.1.Value", "1"],
                ["Enabled", "true"], ["Entry.1", "b"], ["FlatMap.1.key", "m"], ["FlatMap.1.value", "v"],
                ["Items", ""], ["Named.Item.1", "a"], ["Version", "2020-01-01"], ["WireName", "x"],
            ])
    }

    func testTimestampsAndBlobsInTheirWireForms() throws {
        let pairs = QueryOracle.pairs(
            try formBody(
                #"{"When": 1764117034.5, "Epoch": "2026-11-26T00:30:34Z", "Data": "aGk=", "Weight": 2.0}"#))
        XCTAssertTrue(pairs.contains(["When", "2025-11-26T00:30:34.500Z"]), "\(pairs)")
        XCTAssertTrue(pairs.contains(["Epoch", "1795653034"]), "\(pairs)")
        XCTAssertTrue(pairs.contains(["Data", "YUdrPQ=="]), "a string blob is sent as the base64 of its bytes")
        XCTAssertTrue(pairs.contains(["Weight", "2.0"]), "\(pairs)")
    }

    func testInputOfTheWrongKindNamesThePath() throws {
        XCTAssertThrowsError(try formBody(#"{"Nested": {"Deeper": "not a list"}}"#)) {
            XCTAssertEqual(($0 as? AWSError)?.code, "ValidationError")
            XCTAssertEqual(($0 as? AWSError)?.message, "Nested.Deeper: expected a list, got string")
        }
        XCTAssertThrowsError(try formBody(#"{"When": "next tuesday"}"#)) {
            XCTAssertEqual(
                ($0 as? AWSError)?.message, "When: next tuesday is not a timestamp (ISO 8601 or epoch seconds)")
        }
    }
}
