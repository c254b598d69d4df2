import Host
import XCTest

final class HelpTests: XCTestCase {
    private func helpText(_ expression: String) throws -> String {
        let state = makeState(variables: ["AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run(
            """
            local glue = aws.client("glue")
            local printed
            print = function(text) printed = text end
            help(\(expression))
            return printed
            """)
        return result.first?.stringValue ?? ""
    }

    func testAnOperationShowsMembersTypesRequiredAndEnums() throws {
        let text = try helpText("glue.create_crawler")
        XCTAssertTrue(text.hasPrefix("glue:create_crawler{...}   (CreateCrawler)"), text)
        XCTAssertTrue(text.contains("Name "), text)
        XCTAssertTrue(text.contains("string (required)"), text)
        XCTAssertTrue(text.contains("S3Targets        list of structure"), text)
        XCTAssertTrue(text.contains("RecrawlBehavior  string: CRAWL_EVERYTHING | CRAWL_NEW_FOLDERS_ONLY"), text)
    }

    func testAClientListsItsOperations() throws {
        let text = try helpText("glue")
        XCTAssertTrue(text.hasPrefix("aws.client(glue, us-east-1): AWS Glue"), text)
        XCTAssertTrue(text.contains("get_databases"), text)
        XCTAssertTrue(text.contains("paginated (client:paginate(name, params)):"), text)
    }
}
