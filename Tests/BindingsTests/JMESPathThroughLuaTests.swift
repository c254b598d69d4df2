import AWSCore
import Foundation
import Host
import TestPrerequisites
import XCTest

/// The JMESPath compliance suite run on Lua values: each case's data is decoded with
/// `aws.json.decode`, searched with `aws.search`, and the result encoded with `aws.json.encode`.
final class JMESPathThroughLuaTests: XCTestCase {
    private static let errorCodes = [
        "syntax": "JMESPathSyntaxError", "invalid-arity": "JMESPathInvalidArity",
        "invalid-type": "JMESPathInvalidType", "invalid-value": "JMESPathInvalidValue",
        "unknown-function": "JMESPathUnknownFunction",
    ]

    func testComplianceSuiteThroughLuaValues() throws {
        let folder = try Self.suiteFolder()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
            .sorted()
        let state = makeState()
        try state.run(
            """
            function run_case(expression, given)
              local ok, result = pcall(aws.search, expression, aws.json.decode(given))
              if not ok then return false, type(result) == "table" and result.code or tostring(result) end
              return true, aws.json.encode(result)
            end
            """)
        var total = 0
        var passed = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
            for suite in try XCTUnwrap(JSONDecoding.decode(bytes).arrayValue) {
                let given = try JSONEncoding.encodeString(suite["given"] ?? .null)
                for testCase in suite["cases"]?.arrayValue ?? [] where testCase["bench"] == nil {
                    guard let expression = testCase["expression"]?.stringValue else { continue }
                    total += 1
                    let outcome = try state.run(
                        "return run_case(...)", arguments: [.string(expression), .string(given)])
                    let succeeded = outcome.first == .boolean(true)
                    let text = outcome.count > 1 ? outcome[1].stringValue ?? "" : ""
                    if let kind = testCase["error"]?.stringValue {
                        if !succeeded && text == (Self.errorCodes[kind] ?? kind) {
                            passed += 1
                        } else {
                            XCTFail("\(file): \(expression.debugDescription): expected \(kind), got \(text)")
                        }
                        continue
                    }
                    let expected = testCase["result"] ?? .null
                    if succeeded, let result = try? JSONDecoding.decode(Array(text.utf8)),
                        result.jmesPathEquals(expected)
                    {
                        passed += 1
                    } else {
                        let wanted = try JSONEncoding.encodeString(expected)
                        XCTFail("\(file): \(expression.debugDescription): expected \(wanted), got \(text)")
                    }
                }
            }
        }
        print("JMESPath compliance through Lua values: \(passed)/\(total) passed")
        XCTAssertEqual(total, 892, "the suite should hold 892 non-benchmark cases")
    }

    /// `$GLUESCRIPT_CONFORMANCE/jmespath`, else `../shared/conformance/jmespath` beside the package.
    private static func suiteFolder() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = ProcessInfo.processInfo.environment["GLUESCRIPT_CONFORMANCE"] ?? root.path + "/../shared/conformance"
        let folder = base + "/jmespath"
        guard FileManager.default.fileExists(atPath: folder) else {
            throw Prerequisite.missing("no JMESPath conformance suite at \(base)")
        }
        return folder
    }
}
