import AWSCore
import XCTest

/// The rule engine on small rule sets: assignments, trees that fall through, templates, errors.
final class EndpointRuleSetTests: XCTestCase {
    private func rules(_ text: String) throws -> EndpointRuleSet {
        try EndpointRuleSet(json: try JSONDecoding.decode(Array(text.utf8)), source: "test rules")
    }

    private let parameters = #"""
        "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region", "required": false},
                       "UseFIPS": {"type": "boolean", "required": true, "default": false},
                       "Endpoint": {"type": "string", "required": false}}
        """#

    func testAssignedValuesAndTemplatesFillTheURL() throws {
        let set = try rules(
            """
            {\(parameters), "rules": [
              {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]},
                 {"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "url"}],
               "endpoint": {"url": "{url#scheme}://{url#authority}{url#normalizedPath}x", "headers": {"h": ["{Region}"]}}},
              {"type": "tree", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
               "rules": [
                 {"type": "endpoint", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                  "endpoint": {"url": "https://svc-fips.{Region}.{p#dnsSuffix}", "properties": {"n": "{p#name}"}}}
               ]},
              {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://svc.{Region}.example/{{literal}}"}}
            ]}
            """)
        let custom = try set.resolve(["Endpoint": .string("http://h:1/a/../b"), "Region": .string("r")])
        XCTAssertEqual(custom.url, "http://h:1/b/x")
        XCTAssertEqual(custom.headers["h"], ["r"])
        let fips = try set.resolve(["Region": .string("cn-north-1"), "UseFIPS": .bool(true)])
        XCTAssertEqual(fips.url, "https://svc-fips.cn-north-1.amazonaws.com.cn")
        XCTAssertEqual(fips.properties["n"], .string("aws-cn"))
        let plain = try set.resolve(["Region": .string("eu-west-1")])
        XCTAssertEqual(plain.url, "https://svc.eu-west-1.example/{literal}", "a tree with no match falls through")
    }

    func testErrorRulesAndBadParametersAreEndpointErrors() throws {
        let set = try rules(
            """
            {\(parameters), "rules": [
              {"type": "error", "conditions": [{"fn": "not", "argv": [{"fn": "isSet", "argv": [{"ref": "Region"}]}]}],
               "error": "Region is missing"}
            ]}
            """)
        XCTAssertThrowsError(try set.resolve([:])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "EndpointError")
            XCTAssertEqual((error as? AWSError)?.message, "Region is missing")
        }
        XCTAssertThrowsError(try set.resolve(["UseFIPS": .string("yes")])) { error in
            XCTAssertEqual((error as? AWSError)?.message, "Value (UseFIPS) is the wrong type. Must be boolean.")
        }
        XCTAssertThrowsError(try set.resolve(["Regoin": .string("x")])) { error in
            XCTAssertTrue((error as? AWSError)?.message.contains("unknown endpoint parameter Regoin") ?? false)
        }
        XCTAssertThrowsError(try set.resolve(["Region": .string("x")])) { error in
            XCTAssertTrue((error as? AWSError)?.message.hasPrefix("No endpoint found for parameters") ?? false)
        }
    }

    func testEmbeddedModelsCarryTheirRules() throws {
        let registry = ModelRegistry()
        for service in ["iam", "s3", "glue", "sts"] {
            XCTAssertNotNil(try registry.model(for: service).endpointRules, service)
        }
        let s3 = try registry.model(for: "s3")
        XCTAssertEqual(s3.operations["CreateBucket"]?.staticContextParams["DisableAccessPoints"], .bool(true))
        XCTAssertEqual(s3.operations["GetObject"]?.input?.members["Key"]?.contextParam, "Key")
    }
}
