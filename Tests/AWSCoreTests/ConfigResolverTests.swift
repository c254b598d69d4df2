import Foundation
import XCTest

@testable import AWSCore

final class ConfigResolverTests: XCTestCase {
    var home: TempHome!

    override func setUpWithError() throws { home = try TempHome() }
    override func tearDown() { home.remove() }

    func testRegionOrder() throws {
        try home.write(
            config: """
                [default]
                region = from-profile
                """)
        var env = ["AWS_REGION": "from-aws-region", "AWS_DEFAULT_REGION": "from-default-region"]
        XCTAssertEqual(
            try home.resolver(env, ConfigOverrides(region: "from-flag")).region(), "from-flag")
        XCTAssertEqual(try home.resolver(env).region(), "from-aws-region")
        env["AWS_REGION"] = nil
        XCTAssertEqual(try home.resolver(env).region(), "from-default-region")
        env["AWS_DEFAULT_REGION"] = nil
        let resolver = try home.resolver(env)
        XCTAssertEqual(try resolver.region(), "from-profile")
        XCTAssertEqual(resolver.configuredRegion?.source, "profile \"default\" in \(home.configPath)")
    }

    func testMissingRegionSaysWhereItLooked() throws {
        try home.write(config: "[profile dev]\noutput = json\n")
        XCTAssertThrowsError(try home.resolver(["AWS_PROFILE": "dev"]).region()) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "NoRegion")
            for place in [
                "--region", "AWS_REGION", "AWS_DEFAULT_REGION", "profile \"dev\" in \(home.configPath)",
            ] {
                XCTAssertTrue(
                    error?.message.contains(place) ?? false,
                    "missing \(place) in \(String(describing: error))")
            }
        }
    }

    func testProfileSelection() throws {
        try home.write(
            config: """
                [default]
                region = r-default
                [profile a]
                region = r-a
                [profile b]
                region = r-b
                [c]
                region = not-a-profile
                """)
        XCTAssertEqual(try home.resolver([:]).region(), "r-default")
        XCTAssertEqual(try home.resolver(["AWS_DEFAULT_PROFILE": "b"]).region(), "r-b")
        XCTAssertEqual(
            try home.resolver(["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"]).region(), "r-a")
        let explicit = try home.resolver(["AWS_PROFILE": "a"], ConfigOverrides(profile: "b"))
        XCTAssertEqual(try explicit.region(), "r-b")
        XCTAssertEqual(explicit.profileName.value, "b")
        XCTAssertThrowsError(try home.resolver(["AWS_PROFILE": "c"])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ProfileNotFound")
        }
    }

    func testMissingProfileNamesTheFilesLookedIn() throws {
        try home.write(config: "[default]\nregion = x\n")
        XCTAssertThrowsError(try home.resolver(["AWS_PROFILE": "prod"])) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "ProfileNotFound")
            XCTAssertTrue(error?.message.contains("\"prod\"") ?? false)
            XCTAssertTrue(error?.message.contains("AWS_PROFILE") ?? false)
            XCTAssertTrue(error?.message.contains(home.configPath) ?? false)
            XCTAssertTrue(error?.message.contains(home.credentialsPath) ?? false)
        }
    }

    func testProfileOnlyInCredentialsFileExistsAndSuppliesSettings() throws {
        try home.write(
            credentials: "[ci]\naws_access_key_id = AK\naws_secret_access_key = SK\nregion = ap-south-1\n"
        )
        XCTAssertEqual(try home.resolver(["AWS_PROFILE": "ci"]).region(), "ap-south-1")
    }

    func testProfileDefaultSectionWinsOverDefault() throws {
        try home.write(config: "[profile default]\nregion = explicit\n[default]\nregion = plain\n")
        XCTAssertEqual(try home.resolver([:]).region(), "explicit")
    }

    func testQuotedAndDuplicatedProfileSections() throws {
        try home.write(
            config: """
                [profile "with space"]
                region = quoted
                [profile dup]
                region = first
                output = json
                [profile dup]
                region = second
                """)
        XCTAssertThrowsError(try home.resolver(["AWS_PROFILE": "with space"]), "botocore refuses the file too") {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "ConfigParseError")
            XCTAssertTrue("\(error)".contains("line 6: section [profile dup] appears twice"), "\(error)")
        }
        try home.write(config: "[profile \"with space\"]\nregion = quoted\n")
        XCTAssertEqual(try home.resolver(["AWS_PROFILE": "with space"]).region(), "quoted")
    }

    func testFileLocationsFromEnvironment() throws {
        let other = home.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "[profile x]\nregion = from-other-file\n".write(
            toFile: other + "/cfg", atomically: true, encoding: .utf8)
        try home.write(config: "[profile x]\nregion = from-home\n")
        let resolver = try home.resolver(["AWS_CONFIG_FILE": other + "/cfg", "AWS_PROFILE": "x"])
        XCTAssertEqual(try resolver.region(), "from-other-file")
        XCTAssertEqual(resolver.files.configPath, other + "/cfg")
        let tilde = try home.resolver(["AWS_SHARED_CREDENTIALS_FILE": "~/creds"])
        XCTAssertEqual(tilde.files.credentialsPath, home.root + "/creds")
    }

    func testParseErrorInConfigFileSurfaces() throws {
        try home.write(config: "[default]\nthis is not ini\n")
        XCTAssertThrowsError(try home.resolver([:])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ConfigParseError")
            XCTAssertTrue((error as? AWSError)?.message.contains("\(home.configPath) line 2") ?? false)
        }
    }

    func testRetrySettings() throws {
        try home.write(config: "[default]\nmax_attempts = 7\nretry_mode = adaptive\n")
        XCTAssertEqual(
            try home.resolver([:]).retrySettings(), RetrySettings(mode: .adaptive, maxAttempts: 7))
        XCTAssertEqual(
            try home.resolver(["AWS_MAX_ATTEMPTS": "5", "AWS_RETRY_MODE": "legacy"]).retrySettings(),
            RetrySettings(mode: .legacy, maxAttempts: 5))
        XCTAssertEqual(
            try home.resolver(
                ["AWS_MAX_ATTEMPTS": "5"], ConfigOverrides(maxAttempts: 2, retryMode: "standard")
            )
            .retrySettings(),
            RetrySettings(mode: .standard, maxAttempts: 2))
        try home.write(config: "")
        XCTAssertEqual(
            try home.resolver([:]).retrySettings(), RetrySettings(mode: .standard, maxAttempts: 3))
    }

    func testInvalidRetrySettingsAreClearErrors() throws {
        for (env, fragment) in [
            (["AWS_MAX_ATTEMPTS": "three"], "AWS_MAX_ATTEMPTS"), (["AWS_MAX_ATTEMPTS": "0"], "\"0\""),
            (["AWS_RETRY_MODE": "fast"], "standard, legacy, adaptive"),
        ] {
            XCTAssertThrowsError(try home.resolver(env).retrySettings()) { error in
                XCTAssertEqual((error as? AWSError)?.code, "InvalidConfiguration")
                XCTAssertTrue((error as? AWSError)?.message.contains(fragment) ?? false, "\(error)")
            }
        }
    }

    func testCABundleAndMetadataSwitch() throws {
        try home.write(config: "[default]\nca_bundle = ~/certs/corp.pem\n")
        XCTAssertEqual(try home.resolver([:]).caBundle, home.root + "/certs/corp.pem")
        XCTAssertEqual(try home.resolver(["AWS_CA_BUNDLE": "/etc/ca.pem"]).caBundle, "/etc/ca.pem")
        XCTAssertFalse(try home.resolver([:]).ec2MetadataDisabled)
        XCTAssertTrue(try home.resolver(["AWS_EC2_METADATA_DISABLED": "TRUE"]).ec2MetadataDisabled)
    }

    func testSummaryShowsAccessKeyButNeverSecret() throws {
        try home.write(
            config: "[default]\nregion = eu-north-1\n",
            credentials:
                "[default]\naws_access_key_id = AKIDSUMMARY\naws_secret_access_key = VERYSECRET\n")
        let resolver = try home.resolver([:])
        let chain = resolver.credentialChain(httpClient: FakeCredentialHTTPClient())
        let summary = try resolver.summary(serviceID: "Glue", credentials: chain)
        XCTAssertEqual(summary.region?.value, "eu-north-1")
        XCTAssertEqual(summary.profile.value, "default")
        XCTAssertEqual(summary.accessKeyID, "AKIDSUMMARY")
        XCTAssertEqual(summary.credentialSource, "shared-credentials-file")
        XCTAssertFalse("\(summary)".contains("VERYSECRET"))
    }
}

/// A throw-away home folder with its own `.aws/config` and `.aws/credentials`.
final class TempHome {
    let root: String
    var configPath: String { root + "/.aws/config" }
    var credentialsPath: String { root + "/.aws/credentials" }

    init() throws {
        root = NSTemporaryDirectory() + "gluescript-home-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: root + "/.aws", withIntermediateDirectories: true)
    }

    func write(config: String? = nil, credentials: String? = nil) throws {
        if let config { try config.write(toFile: configPath, atomically: true, encoding: .utf8) }
        if let credentials {
            try credentials.write(toFile: credentialsPath, atomically: true, encoding: .utf8)
        }
    }

    func environment(_ variables: [String: String]) -> AWSEnvironment {
        AWSEnvironment(variables: variables, homeDirectory: root)
    }

    func resolver(_ variables: [String: String], _ overrides: ConfigOverrides = ConfigOverrides())
        throws
        -> ConfigResolver
    {
        try ConfigResolver(environment: environment(variables), overrides: overrides)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

final class ConfigResolverConfigurationTests: XCTestCase {
    func testClientConfigurationCombinesFlagsAndClientOptions() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(config: "[default]\nregion = eu-west-1\n[profile other]\nregion = us-west-2\n")
        let flags = ConfigOverrides(profile: "other", endpointURL: "http://127.0.0.1:5000")
        let client = ConfigOverrides(region: "ap-northeast-1", maxAttempts: 9)
        let resolver = try home.resolver([:], flags.overlaid(by: client))
        let configuration = try resolver.configuration(
            serviceID: "S3", httpClient: FakeCredentialHTTPClient())
        XCTAssertEqual(configuration.profile, "other")
        XCTAssertEqual(configuration.region, "ap-northeast-1")
        XCTAssertEqual(configuration.endpointURL, "http://127.0.0.1:5000")
        XCTAssertEqual(configuration.retry.maxAttempts, 9)
    }

    func testGlobalServiceFallsBackToItsDefaultRegion() throws {
        let home = try TempHome()
        defer { home.remove() }
        let resolver = try home.resolver([:])
        XCTAssertEqual(
            try resolver.configuration(
                serviceID: "IAM", httpClient: FakeCredentialHTTPClient(), defaultRegion: "us-east-1"
            )
            .region, "us-east-1")
        XCTAssertThrowsError(
            try resolver.configuration(serviceID: "Glue", httpClient: FakeCredentialHTTPClient())
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "NoRegion")
        }
    }
}
