import XCTest

@testable import AWSCore

/// Which partition a region belongs to: by name first, then by each partition's `regionRegex`
/// (anchored at the start, as Python's `re.match`), else `aws`.
final class PartitionsTests: XCTestCase {
    private func name(_ region: String?) -> String? {
        Partitions.embedded.partition(for: region)["name"]?.stringValue
    }

    func testNamedRegions() {
        XCTAssertEqual(name("eu-west-1"), "aws")
        XCTAssertEqual(name("cn-north-1"), "aws-cn")
        XCTAssertEqual(name("us-gov-west-1"), "aws-us-gov")
    }

    func testRegionsNotYetNamedMatchTheirPartitionsPattern() {
        XCTAssertEqual(name("us-west-9"), "aws")
        XCTAssertEqual(name("cn-south-7"), "aws-cn")
        XCTAssertEqual(name("us-isob-north-3"), "aws-iso-b")
        XCTAssertEqual(name("eusc-de-west-2"), "aws-eusc")
    }

    func testAnythingElseIsTheFirstPartition() {
        XCTAssertEqual(name("cn-north"), "aws")
        XCTAssertEqual(name("xx-cn-north-1"), "aws")
        XCTAssertEqual(name(nil), "aws")
    }

    func testAPatternThatDoesNotCompileMatchesNothing() throws {
        let partitions = try Partitions(
            json: try JSONDecoding.decode(
                #"{"partitions": [{"id": "first", "outputs": {}, "regions": {}}, {"id": "broken", "outputs": {}, "regionRegex": "^(zz", "regions": {}}]}"#
            ))
        XCTAssertEqual(partitions.partition(for: "zz-1")["name"], .string("first"))
    }
}
