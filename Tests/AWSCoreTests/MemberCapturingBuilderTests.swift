import XCTest

@testable import AWSCore

/// The builder that copies a page's token members while the page is built elsewhere.
final class MemberCapturingBuilderTests: XCTestCase {
    func testItPassesEverythingOnAndCopiesOnlyTheNamedTopLevelMembers() throws {
        let owner = JSONValue.object(["ID": .string("o"), "Names": .array([])])
        let page = JSONValue.object([
            "Items": .array([
                .object(["NextToken": .string("inner"), "Size": .integer(1)]),
                .object(["Tags": .array([.string("a"), .string("b")])]),
            ]),
            "NextToken": .string("t-2"),
            "IsTruncated": .bool(true),
            "Owner": owner,
            "Count": .double(2.5),
        ])
        var inner = JSONValueBuilder()
        inner.beginObject()
        var builder = MemberCapturingBuilder(inner, capturing: ["NextToken", "IsTruncated", "Owner", "Missing"])
        for (key, value) in page.objectValue ?? [:] {
            try builder.key(key, modelOrder: nil)
            try builder.value(value)
        }
        let captured = builder.captured()
        builder.inner.endObject()
        XCTAssertEqual(builder.inner.result, page)
        XCTAssertEqual(captured, .object(["NextToken": .string("t-2"), "IsTruncated": .bool(true), "Owner": owner]))
    }

    func testTokenMemberNamesAreGivenOnlyForPlainPathsOutsideTheResultKeys() throws {
        let plain = try PaginatorDefinition(
            .object([
                "input_token": .string("Marker"), "output_token": .string("Marker"),
                "more_results": .string("IsTruncated"), "result_key": .string("Roles"),
                "non_aggregate_keys": .array([.string("Owner.ID")]),
            ]))
        XCTAssertEqual(plain.tokenMemberNames, ["Marker", "IsTruncated", "Owner"])
        let marker = try PaginatorDefinition(
            .object([
                "input_token": .string("Marker"), "output_token": .string("NextMarker || Contents[-1].Key"),
                "result_key": .string("Contents"),
            ]))
        XCTAssertNil(marker.tokenMemberNames)
        let intoResults = try PaginatorDefinition(
            .object([
                "input_token": .string("Marker"), "output_token": .string("Page.Next"),
                "result_key": .string("Page.Items"),
            ]))
        XCTAssertNil(intoResults.tokenMemberNames)
    }
}
