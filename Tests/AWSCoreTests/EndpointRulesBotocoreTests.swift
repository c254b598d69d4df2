import AWSCore
import XCTest

/// The embedded endpoint rule sets evaluated for generated parameter sets, against botocore's
/// EndpointRulesetResolver on the same sets: the same URL, properties and headers, or the
/// same error message.
final class EndpointRulesBotocoreTests: XCTestCase {
    func testIAMMatchesBotocore() throws { try compare("iam") }
    func testGlueMatchesBotocore() throws { try compare("glue") }
    func testSTSMatchesBotocore() throws { try compare("sts") }
    func testS3MatchesBotocore() throws { try compare("s3", count: 4000) }

    private func compare(_ service: String, count: Int = 0) throws {
        let rules = try XCTUnwrap(try ModelRegistry().model(for: service).endpointRules)
        let cases = try BotocoreEndpointOracle.cases(service: service, count: count)
        XCTAssertGreaterThan(cases.count, 100)
        var same = 0
        var differences: [String] = []
        for item in cases {
            let parameters = item["params"]?.objectValue ?? [:]
            let mine: JSONValue
            do {
                let endpoint = try rules.resolve(
                    Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, $0.value) }))
                mine = .object([
                    "url": .string(endpoint.url), "properties": .object(endpoint.properties),
                    "headers": .object(endpoint.headers.mapValues { .array($0.map(JSONValue.string)) }),
                ])
            } catch let error as AWSError where error.code == "EndpointError" {
                mine = .object(["error": .string(error.message)])
            }
            var expected = item.objectValue ?? [:]
            expected["params"] = nil
            if case .string(let message) = expected["error"], message.hasPrefix("No endpoint found") {
                expected["error"] =
                    mine["error"]?.stringValue?.hasPrefix("No endpoint found") == true
                    ? mine["error"] : .string(message)
            }
            if BotocoreProtocolOracle.sortedKeys(mine) == BotocoreProtocolOracle.sortedKeys(.object(expected)) {
                same += 1
            } else if differences.count < 5 {
                differences.append(
                    "\(try JSONEncoding.encodeString(.object(parameters))):\n  gluescript \(try JSONEncoding.encodeString(mine))\n  botocore   \(try JSONEncoding.encodeString(.object(expected)))"
                )
            }
        }
        print("endpoint rules, \(service): \(same) / \(cases.count) the same as botocore")
        XCTAssertEqual(same, cases.count, "\(service) differs from botocore:\n" + differences.joined(separator: "\n"))
    }
}
