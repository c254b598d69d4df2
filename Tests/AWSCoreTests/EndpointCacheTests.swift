import XCTest

@testable import AWSCore

/// Endpoints are remembered by the parameters the rules look at, as botocore caches them.
final class EndpointCacheTests: XCTestCase {
    func testSameParametersResolveOnceAndErrorsAreNotKept() throws {
        let cache = EndpointCache(capacity: 2)
        var resolutions = 0
        func resolve(_ parameters: [String: JSONValue]) throws -> ResolvedEndpoint {
            try cache.value(for: parameters) {
                resolutions += 1
                if parameters["Fail"] != nil { throw AWSError(code: "EndpointError", message: "no") }
                return ResolvedEndpoint(url: "https://\(parameters["Region"]?.stringValue ?? "")")
            }
        }
        XCTAssertEqual(try resolve(["Region": .string("a")]).url, "https://a")
        XCTAssertEqual(try resolve(["Region": .string("a")]).url, "https://a")
        XCTAssertEqual(resolutions, 1)
        XCTAssertEqual(try resolve(["Region": .string("b"), "UseFIPS": .bool(true)]).url, "https://b")
        XCTAssertEqual(try resolve(["Region": .string("b"), "UseFIPS": .string("true")]).url, "https://b")
        XCTAssertEqual(resolutions, 3, "a string and a boolean are different parameters")
        XCTAssertThrowsError(try resolve(["Fail": .bool(true)]))
        XCTAssertThrowsError(try resolve(["Fail": .bool(true)]))
        XCTAssertEqual(resolutions, 5)
    }

    func testS3RulesDoNotLookAtTheKey() throws {
        let rules = try XCTUnwrap(try ModelRegistry().model(for: "s3").endpointRules)
        XCTAssertTrue(rules.referencedParameters.isSuperset(of: ["Bucket", "Region", "UseFIPS", "Endpoint"]))
        XCTAssertFalse(rules.referencedParameters.contains("Key"))
    }
}
