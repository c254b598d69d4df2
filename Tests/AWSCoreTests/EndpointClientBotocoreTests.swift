import XCTest

@testable import AWSCore

/// Configuration and operation input turned into endpoint rule parameters as botocore's
/// clients do it (built-ins, contextParam members, staticContextParams, S3's per-call
/// path-style rules), checked against real botocore clients: the same URL, signing region
/// and signing name, or the same error.
final class EndpointClientBotocoreTests: XCTestCase {
    func testClientsResolveAsBotocoreClientsDo() throws {
        let registry = ModelRegistry()
        let cases = try BotocoreEndpointClientOracle.cases()
        XCTAssertGreaterThan(cases.count, 1000)
        var same: [String: Int] = [:]
        var total: [String: Int] = [:]
        var differences: [String] = []
        for item in cases {
            let service = item["service"]?.stringValue ?? ""
            total[service, default: 0] += 1
            var settings = EndpointSettings(
                useFIPS: ConfiguredValue(item["fips"] == .bool(true), source: "test"),
                useDualStack: ConfiguredValue(item["dualstack"] == .bool(true), source: "test"))
            let s3 = item["s3"] ?? .object([:])
            settings.s3.addressingStyle = s3["addressing_style"]?.stringValue.map {
                ConfiguredValue($0, source: "test")
            }
            settings.s3.usEast1RegionalEndpoint = s3["us_east_1_regional_endpoint"]?.stringValue.map {
                ConfiguredValue($0, source: "test")
            }
            if case .bool(let flag) = s3["use_accelerate_endpoint"] {
                settings.s3.useAccelerateEndpoint = ConfiguredValue(flag, source: "test")
            }
            if case .bool(let flag) = s3["use_arn_region"] {
                settings.s3.useARNRegion = ConfiguredValue(flag, source: "test")
            }
            var configuration = AWSConfiguration(
                profile: "default", region: item["region"]?.stringValue ?? "",
                endpointURL: item["endpoint_url"]?.stringValue,
                retry: RetrySettings(), caBundle: nil,
                credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
            configuration.endpoints = settings
            let client = try AWSClient(
                serviceName: service, model: try registry.model(for: service), configuration: configuration)
            let operation = try client.operation(item["operation"]?.stringValue ?? "")
            let mine: JSONValue
            do {
                let endpoint = try client.endpoint(for: operation, item["params"] ?? .object([:]))
                mine = .object([
                    "url": .string(Self.withoutTrailingSlash(endpoint.url.description)),
                    "signing_region": .string(endpoint.signingRegion),
                    "signing_name": .string(endpoint.signingName ?? client.model.metadata.signingService),
                ])
            } catch let error as AWSError {
                mine = .object(["error": .string(error.message)])
            }
            var expected: JSONValue = .object([:])
            if let message = item["error"]?.stringValue {
                let matches = mine["error"]?.stringValue?.hasPrefix(message) == true
                expected = .object(["error": matches ? mine["error"]! : .string(message)])
            } else {
                expected = .object([
                    "url": .string(Self.withoutTrailingSlash(item["url"]?.stringValue ?? "")),
                    "signing_region": item["signing_region"] ?? .null,
                    "signing_name": item["signing_name"] ?? .null,
                ])
            }
            if mine == expected {
                same[service, default: 0] += 1
            } else if differences.count < 8 {
                var call = item.objectValue ?? [:]
                for key in ["url", "error", "signing_region", "signing_name"] { call[key] = nil }
                differences.append(
                    "\(try JSONEncoding.encodeString(.object(call)))\n  gluescript \(try JSONEncoding.encodeString(mine))\n"
                        + "  botocore   \(try JSONEncoding.encodeString(expected))")
            }
        }
        for service in total.keys.sorted() {
            print(
                "endpoint rules through clients, \(service): \(same[service, default: 0]) / \(total[service]!) the same as botocore"
            )
        }
        XCTAssertEqual(same.values.reduce(0, +), cases.count, "differences:\n" + differences.joined(separator: "\n"))
    }

    /// `https://host/` and `https://host` are the same endpoint.
    private static func withoutTrailingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
