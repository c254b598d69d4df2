import XCTest

@testable import AWSCore

/// Endpoints are remembered by the parameters the rules look at, as botocore caches them.
final class EndpointCacheTests: XCTestCase {
    func testSameParametersResolveOnceAndErrorsAreNotKept() throws {
        let cache = EndpointCache(capacity: 2)
        var resolutions = 0
        func resolve(_ parameters: [String: JSONValue], region: String = "r") throws -> ServiceEndpoint {
            try cache.value(for: EndpointCache.Key(region: region, parameters: parameters)) {
                resolutions += 1
                if parameters["Fail"] != nil { throw AWSError(code: "EndpointError", message: "no") }
                let host = parameters["Region"]?.stringValue ?? ""
                return ServiceEndpoint(url: AWSURL(scheme: "https", host: host), signingRegion: region, isCustom: false)
            }
        }
        XCTAssertEqual(try resolve(["Region": .string("a")]).url.host, "a")
        XCTAssertEqual(try resolve(["Region": .string("a")]).url.host, "a")
        XCTAssertEqual(resolutions, 1)
        XCTAssertEqual(try resolve(["Region": .string("b"), "UseFIPS": .bool(true)]).url.host, "b")
        XCTAssertEqual(try resolve(["Region": .string("b"), "UseFIPS": .string("true")]).url.host, "b")
        XCTAssertEqual(resolutions, 3, "a string and a boolean are different parameters")
        XCTAssertEqual(try resolve(["Region": .string("b"), "UseFIPS": .bool(true)], region: "s").signingRegion, "s")
        XCTAssertEqual(resolutions, 4, "the signing region is part of the key")
        XCTAssertThrowsError(try resolve(["Fail": .bool(true)]))
        XCTAssertThrowsError(try resolve(["Fail": .bool(true)]))
        XCTAssertEqual(resolutions, 6)
    }

    func testClientResolvesAgainWhenItsEndpointSettingsChange() throws {
        let configuration = AWSConfiguration(
            profile: "default", region: "us-east-1", endpointURL: nil, retry: RetrySettings(maxAttempts: 1),
            caBundle: nil, credentials: StaticCredentialsProvider(Credentials(accessKeyID: "a", secretAccessKey: "s")))
        let client = try AWSClient(
            serviceName: "glue", model: try ModelRegistry().model(for: "glue"), configuration: configuration)
        let operation = try client.operation("GetDatabases")
        XCTAssertEqual(try client.endpoint(for: operation, .object([:])).url.host, "glue.us-east-1.amazonaws.com")
        XCTAssertEqual(try client.endpoint(for: operation, .object([:])).url.host, "glue.us-east-1.amazonaws.com")
        client.endpointSettings.useFIPS = ConfiguredValue(true, source: "test")
        XCTAssertEqual(try client.endpoint(for: operation, .object([:])).url.host, "glue-fips.us-east-1.amazonaws.com")
        XCTAssertEqual(
            try client.endpoint(for: operation, .object([:]), region: "eu-west-1").url.host,
            "glue-fips.eu-west-1.amazonaws.com")
    }

    func testS3RulesDoNotLookAtTheKey() throws {
        let rules = try XCTUnwrap(try ModelRegistry().model(for: "s3").endpointRules)
        XCTAssertTrue(rules.referencedParameters.isSuperset(of: ["Bucket", "Region", "UseFIPS", "Endpoint"]))
        XCTAssertFalse(rules.referencedParameters.contains("Key"))
    }
}
