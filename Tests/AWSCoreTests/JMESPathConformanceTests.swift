import AWSCore
import Foundation
import XCTest

/// Runs the JMESPath compliance suite (github.com/jmespath/jmespath.test) from
/// `../shared/conformance/jmespath`, read with the project's own JSON decoder.
final class JMESPathConformanceTests: XCTestCase {
    private static var suiteFolderLocation: URL {
        get throws { try ConformanceSuite.folder("jmespath") }
    }

    private static let errorCodes = [
        "syntax": "JMESPathSyntaxError", "invalid-arity": "JMESPathInvalidArity",
        "invalid-type": "JMESPathInvalidType", "invalid-value": "JMESPathInvalidValue",
        "unknown-function": "JMESPathUnknownFunction",
    ]

    func testComplianceSuite() throws {
        let suiteFolder = try Self.suiteFolderLocation
        let files = try FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "no suite files in \(suiteFolder.path)")
        var total = 0
        var passedTotal = 0
        var report: [String] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: suiteFolder.appendingPathComponent(file)))
            let suites = try XCTUnwrap(JSONDecoding.decode(bytes).arrayValue, file)
            var passed = 0
            var count = 0
            for suite in suites {
                let given = suite["given"] ?? .null
                for testCase in suite["cases"]?.arrayValue ?? [] where testCase["bench"] == nil {
                    count += 1
                    if let failure = run(testCase, given: given) {
                        XCTFail("\(file): \(failure)")
                    } else {
                        passed += 1
                    }
                }
            }
            report.append("\(file): \(passed)/\(count)")
            total += count
            passedTotal += passed
        }
        print("JMESPath compliance: \(passedTotal)/\(total) passed; " + report.joined(separator: ", "))
        XCTAssertEqual(total, 892, "the suite should hold 892 non-benchmark cases")
    }

    /// nil when the case passes, otherwise what went wrong.
    private func run(_ testCase: JSONValue, given: JSONValue) -> String? {
        guard let expression = testCase["expression"]?.stringValue else {
            return "case without an expression"
        }
        if let kind = testCase["error"]?.stringValue {
            let expectedCode = Self.errorCodes[kind] ?? kind
            do {
                let result = try JMESPath.search(expression, given)
                return "\(expression.debugDescription): expected \(expectedCode), got \(result)"
            } catch let error as AWSError {
                if error.code == expectedCode { return nil }
                return "\(expression.debugDescription): expected \(expectedCode), got \(error)"
            } catch {
                return "\(expression.debugDescription): expected \(expectedCode), got \(error)"
            }
        }
        let expected = testCase["result"] ?? .null
        do {
            let result = try JMESPath.search(expression, given)
            if result.jmesPathEquals(expected) { return nil }
            let text = (try? JSONEncoding.encodeString(result)) ?? "\(result)"
            let wanted = (try? JSONEncoding.encodeString(expected)) ?? "\(expected)"
            return "\(expression.debugDescription): expected \(wanted), got \(text)"
        } catch {
            return "\(expression.debugDescription): expected a result, got \(error)"
        }
    }
}
