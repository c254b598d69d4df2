import Host
import XCTest

@testable import Bindings

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

/// Help for built-in methods, the aws module, and the API's own documentation of operations.
final class HelpEverywhereTests: XCTestCase {
    private func helpText(_ expression: String) throws -> String {
        let state = makeState(variables: ["AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run(
            """
            local glue, s3 = aws.client("glue"), aws.client("s3")
            local printed
            print = function(text) printed = text end
            help(\(expression))
            return printed
            """)
        return result.first?.stringValue ?? ""
    }

    func testOperationHelpShowsTheFirstSentenceOfTheAPIsDocumentation() throws {
        let text = try helpText("glue.get_table")
        XCTAssertTrue(
            text.contains("\n  Retrieves the Table definition in a Data Catalog for a specified table.\n"), text)
        XCTAssertTrue(
            text.contains("The name of the database in the catalog in which the table resides."), text)
        XCTAssertFalse(text.contains("<p>") || text.contains("<code>"), text)
        XCTAssertFalse(text.contains("For Hive compatibility"), "only the first sentence: \(text)")
    }

    func testEveryBuiltInMethodHasHelp() throws {
        for name in LuaClient.builtinNames.sorted() {
            XCTAssertNotNil(BuiltinHelp.entries[name], "no help text for client:\(name)")
            let text = try helpText("s3.\(name)")
            XCTAssertFalse(text.hasPrefix("no help"), "\(name): \(text)")
            XCTAssertTrue(
                text.hasPrefix("s3:\(name)(") || text.hasPrefix("s3:\(name){")
                    || text.hasPrefix("for page in s3:\(name)("),
                text)
        }
    }

    func testTheS3MethodsWrittenInLuaHaveHelp() throws {
        let expected = [
            "sync": ("s3:sync(from, to, {delete=", "aws s3 sync skips"),
            "copy": ("s3:copy(\"bucket/key\"", "UploadPartCopy"),
            "delete_prefix": ("s3:delete_prefix(bucket, prefix", "DeleteObjects"),
        ]
        for (name, (usage, summary)) in expected {
            let text = try helpText("s3.\(name)")
            XCTAssertTrue(text.hasPrefix(usage), "\(name): \(text)")
            XCTAssertTrue(text.contains(summary), "\(name): \(text)")
        }
        XCTAssertTrue(try helpText("aws.parallel").hasPrefix("aws.parallel(f1, f2, ...)"))
        XCTAssertTrue(try helpText("aws.map").hasPrefix("aws.map(items, fn"))
    }

    func testWaitAndPaginateListTheirNames() throws {
        let wait = try helpText("glue.wait")
        XCTAssertTrue(wait.hasPrefix("glue:wait(waiter, params"), wait)
        XCTAssertTrue(
            wait.contains("waiters: ") && wait.contains("crawler_ready") && wait.contains("job_run_succeeded"), wait)
        let paginate = try helpText("s3.paginate")
        XCTAssertTrue(paginate.contains("paginated operations: ") && paginate.contains("list_objects_v2"), paginate)
        let upload = try helpText("s3.upload_file")
        XCTAssertTrue(upload.hasPrefix("s3:upload_file(path, bucket, key"), upload)
    }

    func testHelpOfTheModuleListsEveryFunctionWithOneLine() throws {
        let text = try helpText("aws")
        XCTAssertTrue(text.hasPrefix("aws: help(aws.name) shows one function"), text)
        XCTAssertFalse(text.contains("(no help text)"), text)
        let state = makeState()
        let paths =
            try state.run(
                """
                local paths = {}
                for k, v in pairs(aws) do
                  if type(v) == "function" then paths[#paths + 1] = "aws." .. k end
                  if type(v) == "table" then
                    for k2, v2 in pairs(v) do
                      if type(v2) == "function" then paths[#paths + 1] = "aws." .. k .. "." .. k2 end
                    end
                  end
                end
                return table.concat(paths, " ")
                """
            ).first?.stringValue?.split(separator: " ").map(String.init) ?? []
        XCTAssertGreaterThan(paths.count, 8)
        for path in paths {
            XCTAssertTrue(text.contains("\n  \(path) "), "help(aws) misses \(path): \(text)")
            let one = try helpText(path)
            XCTAssertTrue(one.hasPrefix(path + "(") || one.hasPrefix(path + "{"), "\(path): \(one)")
        }
        let json = try helpText("aws.json")
        XCTAssertTrue(json.contains("aws.json.encode") && !json.contains("aws.client"), json)
    }

    func testJSONNullHasHelpAndIsListedWithTheJSONFunctions() throws {
        let json = try helpText("aws.json")
        XCTAssertTrue(json.contains("\n  aws.json.null "), json)
        let null = try helpText("aws.json.null")
        XCTAssertTrue(null.hasPrefix("aws.json.null\n  JSON's null"), null)
        XCTAssertTrue(try helpText("aws.json.decode").contains("aws.json.null"))
    }

    func testHTMLDocumentationOfAModelFileIsCutToItsFirstSentence() {
        XCTAssertEqual(
            DocumentationSummary.firstSentence(
                "<p>Creates a <code>Table</code>, e.g. <b>t</b>. Then more.</p><p>Other.</p>"),
            "Creates a Table, e.g. t.")
        XCTAssertEqual(
            DocumentationSummary.firstSentence("<p>Lists the (<code>a</code>) things &amp; stuff</p><p>More.</p>"),
            "Lists the (a) things & stuff")
        XCTAssertEqual(DocumentationSummary.firstSentence("Already plain. Kept."), "Already plain. Kept.")
    }
}
