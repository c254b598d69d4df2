import XCTest

@testable import AWSCore

final class INIParserTests: XCTestCase {
    func testSectionsPropertiesAndComments() throws {
        let text = """
            # a comment
            ; another comment
            [default]
            region = eu-west-1   # where we work
            Output=json;not-a-comment
            [profile dev]   ; trailing comment
              aws_access_key_id = AKIA
            cli_pager =
            """
        let document = try INIParser.parse(text, path: "/tmp/config")
        XCTAssertEqual(document.sections.map(\.name), ["default", "profile dev"])
        XCTAssertEqual(
            document.sections[0].properties["region"], .text("eu-west-1   # where we work"),
            "as botocore reads it, a # after a value is part of the value")
        XCTAssertEqual(document.sections[0].properties["output"], .text("json;not-a-comment"))
        XCTAssertEqual(document.sections[1].properties["aws_access_key_id"], .text("AKIA"))
        XCTAssertEqual(document.sections[1].properties["cli_pager"], .text(""))
        XCTAssertEqual(document.sections[1].line, 6)
    }

    func testNestedBlocks() throws {
        let text = """
            [services local]
            s3 =
              endpoint_url = http://localhost:5000
              # comment inside
              addressing_style = path
            glue =
                endpoint_url = http://localhost:5001
            """
        let section = try INIParser.parse(text, path: "c").sections[0]
        XCTAssertEqual(
            section.properties["s3"],
            .nested(["endpoint_url": "http://localhost:5000", "addressing_style": "path"]))
        XCTAssertEqual(section.properties["glue"]?.nested?["endpoint_url"], "http://localhost:5001")
    }

    func testIndentedLineContinuesAValue() throws {
        let text = "[x]\nkey = first\n  second\n"
        XCTAssertEqual(
            try INIParser.parse(text, path: "c").sections[0].properties["key"], .text("first\nsecond"))
    }

    func testCarriageReturnsAreIgnored() throws {
        let document = try INIParser.parse("[default]\r\nregion = us-east-2\r\n", path: "c")
        XCTAssertEqual(document.sections[0].properties["region"], .text("us-east-2"))
    }

    func testErrorsNameFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("[default]\nregion us-east-1\n", 2, "expected \"[section]\" or \"key = value\""),
            ("region = us-east-1\n", 1, "before any [section]"),
            ("[default\n", 1, "before any [section]"),
            ("[default]\n[profile a]\n[default]\n", 3, "section [default] appears twice"),
            ("[a]\nregion = x\nRegion = y\n", 3, "property \"region\" appears twice"),
            ("[a]\ns3 =\n  no-equals-here\n", 3, "under \"s3\""),
            ("[]\n", 1, "before any [section]"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try INIParser.parse(text, path: "/home/u/.aws/config"), text) { error in
                let error = error as? AWSError
                XCTAssertEqual(error?.code, "ConfigParseError")
                XCTAssertTrue(
                    error?.message.hasPrefix("/home/u/.aws/config line \(line):") ?? false,
                    "\(String(describing: error))")
                XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(String(describing: error))")
            }
        }
    }
}
