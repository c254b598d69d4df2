import XCTest

@testable import AWSCore

final class ConfigResolverEndpointTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws {
        home = try TempHome()
        try home.write(
            config: """
                [default]
                endpoint_url = http://profile-wide:1
                services = local

                [profile bare]
                region = us-east-1

                [profile quiet]
                endpoint_url = http://profile-wide:1
                ignore_configured_endpoint_urls = true

                [services local]
                s3 =
                  endpoint_url = http://services-s3:2
                api_gateway =
                  endpoint_url = http://services-apigw:3
                """)
    }

    override func tearDown() { home.remove() }

    func url(
        _ serviceID: String, _ env: [String: String] = [:],
        _ overrides: ConfigOverrides = ConfigOverrides()
    )
        throws -> String?
    {
        try home.resolver(env, overrides).endpointURL(serviceID: serviceID)?.value
    }

    func testPrecedencePerService() throws {
        let all = [
            "AWS_ENDPOINT_URL_S3": "http://env-s3:4", "AWS_ENDPOINT_URL": "http://env-global:5",
        ]
        XCTAssertEqual(
            try url("S3", all, ConfigOverrides(endpointURL: "http://flag:6")), "http://flag:6")
        XCTAssertEqual(try url("S3", all), "http://env-s3:4")
        XCTAssertEqual(try url("Glue", all), "http://env-global:5")
        XCTAssertEqual(try url("S3"), "http://services-s3:2")
        XCTAssertEqual(try url("Glue"), "http://profile-wide:1")
    }

    func testServiceIDsWithSpaces() throws {
        XCTAssertEqual(try url("API Gateway"), "http://services-apigw:3")
        XCTAssertEqual(
            try url("API Gateway", ["AWS_ENDPOINT_URL_API_GATEWAY": "http://env-apigw:7"]),
            "http://env-apigw:7")
    }

    func testNoEndpointConfigured() throws {
        XCTAssertNil(try url("S3", ["AWS_PROFILE": "bare"]))
    }

    func testIgnoreFlagTurnsOffEnvironmentAndFilesButNotOverride() throws {
        let env = [
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://env-global:5",
        ]
        XCTAssertNil(try url("S3", env))
        XCTAssertEqual(
            try url("S3", env, ConfigOverrides(endpointURL: "http://flag:6")), "http://flag:6")
        XCTAssertNil(
            try url("S3", ["AWS_PROFILE": "quiet", "AWS_ENDPOINT_URL": "http://env-global:5"]))
        XCTAssertEqual(
            try url("S3", ["AWS_PROFILE": "quiet", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"]),
            "http://profile-wide:1")
    }

    func testSourceIsReported() throws {
        let value = try home.resolver([:]).endpointURL(serviceID: "S3")
        XCTAssertEqual(value?.source, "[services local] s3 in \(home.configPath)")
    }
}
