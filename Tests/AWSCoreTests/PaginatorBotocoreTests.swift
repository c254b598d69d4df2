import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// The real paginator definitions of S3, IAM and Glue from the installed botocore, run on
/// scripted pages; botocore's own paginator on the same pages is the oracle.
final class PaginatorBotocoreTests: XCTestCase {
    private func python(_ script: String) throws -> String {
        let (status, output, errors) = try runPython(script)
        if status != 0 {
            let (found, _, _) = try runPython("import botocore")
            guard found == 0 else { throw Prerequisite.missing("botocore is not installed") }
            throw AWSError(code: "PythonFailed", message: errors)
        }
        return output
    }

    private func runPython(_ script: String) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw Prerequisite.missing("python3 is not available") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
        )
    }

    private func definition(_ service: String, _ operation: String) throws -> JSONValue {
        let text = try python(
            """
            import botocore.session, json
            m = botocore.session.get_session().get_paginator_model('\(service)')
            print(json.dumps(m.get_paginator('\(operation)')))
            """)
        return try JSONDecoding.decode(text)
    }

    /// botocore's build_full_result for `pages` (keyed by the JSON of the tokens sent).
    private func botocoreResult(_ service: String, _ operation: String, pages: JSONValue, maxItems: Int?) throws
        -> JSONValue
    {
        let pagesText = try JSONEncoding.encodeString(pages)
        let text = try python(
            """
            import botocore.session, json
            from botocore.paginate import Paginator
            s = botocore.session.get_session()
            config = s.get_paginator_model('\(service)').get_paginator('\(operation)')
            model = s.get_service_model('\(service)').operation_model('\(operation)')
            pages = json.loads(r'''\(pagesText)''')
            tokens = config['input_token'] if isinstance(config['input_token'], list) else [config['input_token']]
            def method(**kwargs):
                key = json.dumps([kwargs.get(t) for t in tokens])
                return json.loads(json.dumps(pages[key]))
            p = Paginator(method, config, model)
            cfg = {} if \(maxItems.map(String.init) ?? "None") is None else {'MaxItems': \(maxItems.map(String.init) ?? "None")}
            print(json.dumps(p.paginate(PaginationConfig=cfg).build_full_result(), default=str))
            """)
        return try JSONDecoding.decode(text)
    }

    private func run(_ definition: JSONValue, pages: JSONValue, maxItems: Int?, startingToken: String? = nil) throws
        -> JSONValue
    {
        let names = try PaginatorDefinition(definition).inputTokens
        let paginator = try Paginator(
            definition: definition, input: .object([:]),
            options: PaginationOptions(maxItems: maxItems, startingToken: startingToken)
        ) { input in
            let key = try JSONEncoding.encodeString(.array(names.map { input[$0] ?? .null }))
            guard let page = pages[key] else { throw AWSError(code: "UnexpectedRequest", message: key) }
            return page
        }
        return try paginator.collect()
    }

    private func assertSameAsBotocore(
        _ service: String, _ operation: String, pages: JSONValue, maxItems: Int?, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let definition = try definition(service, operation)
        let ours = try run(definition, pages: pages, maxItems: maxItems)
        let theirs = try botocoreResult(service, operation, pages: pages, maxItems: maxItems)
        var ourItems = ours.objectValue ?? [:]
        var theirItems = theirs.objectValue ?? [:]
        let ourToken = ourItems.removeValue(forKey: "NextToken")
        let theirToken = theirItems.removeValue(forKey: "NextToken")
        theirItems = theirItems.filter { $0.value != .null }
        XCTAssertTrue(
            JSONValue.object(ourItems).jmesPathEquals(.object(theirItems)), "\(ours) vs \(theirs)", file: file,
            line: line)
        XCTAssertEqual(ourToken == nil, theirToken == nil, file: file, line: line)
        if let ourToken, let theirToken {
            let decode = { (token: JSONValue) in try JSONDecoding.decode(Base64.decode(token.stringValue ?? "") ?? []) }
            XCTAssertTrue(try decode(ourToken).jmesPathEquals(try decode(theirToken)), file: file, line: line)
            // botocore's token resumes our paginator where botocore stopped
            let rest = try run(definition, pages: pages, maxItems: nil, startingToken: theirToken.stringValue)
            XCTAssertNil(rest["NextToken"], file: file, line: line)
        }
    }

    private func pages(_ text: String) throws -> JSONValue { try JSONDecoding.decode(text) }

    func testS3ListObjectsV2() throws {
        let pages = try pages(
            #"""
            {"[null]": {"Contents": [{"Key": "a"}, {"Key": "b"}], "CommonPrefixes": [{"Prefix": "p/"}], "Prefix": "", "IsTruncated": true, "NextContinuationToken": "c1"},
             "[\"c1\"]": {"Contents": [{"Key": "c"}, {"Key": "d"}], "IsTruncated": true, "NextContinuationToken": "c2"},
             "[\"c2\"]": {"Contents": [{"Key": "e"}], "IsTruncated": false}}
            """#)
        for max in [nil, 1, 2, 3, 4, 5, 9] {
            try assertSameAsBotocore("s3", "ListObjectsV2", pages: pages, maxItems: max)
        }
    }

    func testIAMListRoles() throws {
        let pages = try pages(
            #"""
            {"[null]": {"Roles": [{"RoleName": "r1"}], "IsTruncated": true, "Marker": "m1"},
             "[\"m1\"]": {"Roles": [{"RoleName": "r2"}, {"RoleName": "r3"}], "IsTruncated": false, "Marker": "m2"}}
            """#)
        for max in [nil, 1, 2] { try assertSameAsBotocore("iam", "ListRoles", pages: pages, maxItems: max) }
    }

    func testGlueGetTables() throws {
        let pages = try pages(
            #"""
            {"[null]": {"TableList": [{"Name": "t1"}, {"Name": "t2"}], "NextToken": "n1"},
             "[\"n1\"]": {"TableList": [{"Name": "t3"}]}}
            """#)
        for max in [nil, 1, 2] { try assertSameAsBotocore("glue", "GetTables", pages: pages, maxItems: max) }
    }
}
