import Foundation
import Host
import XCTest

/// Endpoints from the endpoint rules, seen from Lua: `resolve_endpoint`, the FIPS, dual-stack
/// and S3 settings from options, the environment and the config file, access-point ARNs, and
/// the errors for settings and ARNs that have no endpoint.
final class LuaClientEndpointTests: XCTestCase {
    private let variables = [
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_EC2_METADATA_DISABLED": "true",
    ]

    private func state(_ extra: [String: String] = [:], config: String? = nil) throws -> LuaState {
        var all = variables.merging(extra) { $1 }
        if let config {
            let path = NSTemporaryDirectory() + "gluescript-endpoints-\(UUID().uuidString).ini"
            try config.write(toFile: path, atomically: true, encoding: .utf8)
            all["AWS_CONFIG_FILE"] = path
        }
        return makeState(variables: all)
    }

    func testResolveEndpointReturnsTheRulesAnswer() throws {
        let result = try state(["AWS_REGION": "eu-west-1"]).run(
            """
            local e = aws.client("glue"):resolve_endpoint{Region = "us-west-2", UseFIPS = true}
            local s3 = aws.client("s3"):resolve_endpoint{Bucket = "logs", UseDualStack = true}
            return e.url, type(e.properties), type(e.headers), s3.url, s3.properties.authSchemes[1].signingRegion
            """)
        XCTAssertEqual(result[0], .string("https://glue-fips.us-west-2.amazonaws.com"))
        XCTAssertEqual(result[1], .string("table"))
        XCTAssertEqual(result[2], .string("table"))
        XCTAssertEqual(result[3], .string("https://logs.s3.dualstack.eu-west-1.amazonaws.com"))
        XCTAssertEqual(result[4], .string("eu-west-1"))
    }

    func testResolveEndpointRaisesTheRulesError() throws {
        let result = try state(["AWS_REGION": "us-east-1"]).run(
            """
            local s3 = aws.client("s3")
            local ok, e = pcall(s3.resolve_endpoint, s3, {Bucket = "b", UseFIPS = true, Accelerate = true})
            local ok2, e2 = pcall(s3.resolve_endpoint, s3, {Region = 5})
            return ok, e.code, e.message, e2.code
            """)
        XCTAssertEqual(result[0], .boolean(false))
        XCTAssertEqual(result[1], .string("EndpointError"))
        XCTAssertEqual(result[2], .string("Accelerate cannot be used with FIPS"))
        XCTAssertEqual(result[3], .string("EndpointError"))
    }

    func testFIPSAndDualStackComeFromOptionsEnvironmentAndProfile() throws {
        let fromOption = try state(["AWS_REGION": "us-west-2"]).run(
            "return aws.client('glue', {use_fips_endpoint = true}):build_request('get_databases', {}).url")
        XCTAssertEqual(fromOption[0], .string("https://glue-fips.us-west-2.amazonaws.com/"))
        let fromEnvironment = try state(["AWS_REGION": "us-west-2", "AWS_USE_FIPS_ENDPOINT": "true"]).run(
            "return aws.client('sts'):build_request('get_caller_identity', {}).url")
        XCTAssertEqual(fromEnvironment[0], .string("https://sts-fips.us-west-2.amazonaws.com/"))
        let fromProfile = try state(config: "[default]\nregion = eu-central-1\nuse_dualstack_endpoint = true\n").run(
            "return aws.client('glue'):build_request('get_databases', {}).url")
        XCTAssertEqual(fromProfile[0], .string("https://glue.eu-central-1.api.aws/"))
    }

    func testS3WithoutARegionUsesUSEast1() throws {
        let result = try state().run(
            """
            local r = aws.client("s3"):build_request("get_object", {Bucket = "data", Key = "a/b.csv"})
            return r.url, r.headers.Authorization
            """)
        XCTAssertEqual(result[0], .string("https://data.s3.amazonaws.com/a/b.csv"))
        XCTAssertTrue(result[1].stringValue?.contains("/us-east-1/s3/aws4_request") ?? false, "\(result[1])")
    }

    func testS3SettingsFromTheOptionTableAndTheProfileSection() throws {
        let option = try state(["AWS_REGION": "eu-west-1"]).run(
            """
            local path = aws.client("s3", {s3 = {addressing_style = "path"}})
            local fast = aws.client("s3", {s3 = {use_accelerate_endpoint = true}})
            return path:build_request("get_object", {Bucket = "data", Key = "k"}).url,
              fast:build_request("get_object", {Bucket = "data", Key = "k"}).url
            """)
        XCTAssertEqual(option[0], .string("https://s3.eu-west-1.amazonaws.com/data/k"))
        XCTAssertEqual(option[1], .string("https://data.s3-accelerate.amazonaws.com/k"))
        let profile = try state(
            config:
                "[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n  us_east_1_regional_endpoint = regional\n"
        ).run("return aws.client('s3'):build_request('list_objects_v2', {Bucket = 'data'}).url")
        XCTAssertEqual(profile[0], .string("https://s3.us-east-1.amazonaws.com/data?list-type=2"))
    }

    func testCustomEndpointKeepsPathStyleUnlessVirtualIsAsked() throws {
        let result = try state(["AWS_REGION": "us-east-1"]).run(
            """
            local local_s3 = aws.client("s3", {endpoint_url = "http://127.0.0.1:5000"})
            local virtual = aws.client("s3", {endpoint_url = "http://example.com:5000",
                                              s3 = {addressing_style = "virtual"}})
            return local_s3:build_request("get_object", {Bucket = "data", Key = "a/b"}).url,
              virtual:build_request("get_object", {Bucket = "data", Key = "a/b"}).url
            """)
        XCTAssertEqual(result[0], .string("http://127.0.0.1:5000/data/a/b"))
        XCTAssertEqual(result[1], .string("http://data.example.com:5000/a/b"))
    }

    func testAccessPointARNGoesToItsHostAndIsSignedForItsRegion() throws {
        let result = try state(["AWS_REGION": "us-east-1"]).run(
            """
            local r = aws.client("s3"):build_request("get_object",
              {Bucket = "arn:aws:s3:us-west-2:123456789012:accesspoint:reports", Key = "2026/a.csv"})
            return r.url, r.headers.Authorization
            """)
        XCTAssertEqual(
            result[0], .string("https://reports-123456789012.s3-accesspoint.us-west-2.amazonaws.com/2026/a.csv"))
        XCTAssertTrue(result[1].stringValue?.contains("/us-west-2/s3/aws4_request") ?? false, "\(result[1])")
    }

    /// An access point ARN without its name is not a bucket name boto3 takes, so a call stops
    /// at validation as boto3's does; the endpoint rules, asked directly, say what is wrong with it.
    func testMalformedAndForeignARNsAreClearErrors() throws {
        let result = try state(["AWS_REGION": "us-east-1"]).run(
            """
            local s3 = aws.client("s3")
            local malformed = "arn:aws:s3:us-west-2:123456789012:accesspoint"
            local ok1, bad = pcall(s3.get_object, s3, {Bucket = malformed, Key = "k"})
            local ok2, foreign = pcall(s3.get_object, s3,
              {Bucket = "arn:aws-cn:s3:cn-north-1:123456789012:accesspoint:reports", Key = "k"})
            local ok3, rules = pcall(s3.resolve_endpoint, s3, {Bucket = malformed, Region = "us-east-1"})
            return bad.code, rules.code, rules.message, foreign.code, foreign.message, foreign.operation
            """)
        XCTAssertEqual(result[0], .string("ValidationError"))
        XCTAssertEqual(result[1], .string("EndpointError"))
        XCTAssertTrue(
            result[2].stringValue?.contains("Invalid ARN: Expected a resource of the format `accesspoint:") ?? false,
            "\(result[2])")
        XCTAssertEqual(result[3], .string("EndpointError"))
        let message = result[4].stringValue ?? ""
        XCTAssertTrue(message.contains("Client was configured for partition `aws` but ARN"), message)
        XCTAssertTrue(message.contains("region us-east-1 (from AWS_REGION)"), message)
        XCTAssertEqual(result[5], .string("GetObject"))
    }

    func testFIPSWhereThereIsNoFIPSEndpointNamesTheSettingAndItsFile() throws {
        let config = "[default]\nregion = us-west-2\nuse_fips_endpoint = true\n"
        let lua = try state(config: config)
        let result = try lua.run(
            """
            local s3 = aws.client("s3", {s3 = {use_accelerate_endpoint = true}})
            local ok, e = pcall(s3.get_object, s3, {Bucket = "data", Key = "k"})
            return e.code, e.message
            """)
        XCTAssertEqual(result[0], .string("EndpointError"))
        let message = result[1].stringValue ?? ""
        XCTAssertTrue(message.hasPrefix("Accelerate cannot be used with FIPS"), message)
        XCTAssertTrue(message.contains("use_fips_endpoint = true (from profile \"default\" in "), message)
        XCTAssertTrue(message.contains(".ini"), "the file is named: \(message)")
        XCTAssertTrue(
            message.contains("s3.use_accelerate_endpoint = true (from the s3.use_accelerate_endpoint client option)"),
            message)
    }

    func testASettingThatIsNotTrueOrFalseNamesItsSource() throws {
        let lua = try state(["AWS_REGION": "us-west-2", "AWS_USE_DUALSTACK_ENDPOINT": "yes"])
        let result = try lua.run("local ok, e = pcall(aws.client, 'glue') return e.code, e.message")
        XCTAssertEqual(result[0], .string("InvalidConfiguration"))
        XCTAssertEqual(
            result[1],
            .string("use_dualstack_endpoint must be true or false, got \"yes\" (from AWS_USE_DUALSTACK_ENDPOINT)"))
    }

    func testMultiRegionAccessPointsAreSignedWithSigV4a() throws {
        let result = try state(["AWS_REGION": "eu-west-1"]).run(
            """
            local r = aws.client("s3"):build_request("get_object",
              {Bucket = "arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap", Key = "k"})
            return r.url, r.headers["X-Amz-Region-Set"], r.headers.Authorization
            """)
        XCTAssertEqual(result[0], .string("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/k"))
        XCTAssertEqual(result[1], .string("*"))
        let authorization = result[2].stringValue ?? ""
        XCTAssertTrue(authorization.hasPrefix("AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/"), authorization)
        XCTAssertTrue(authorization.contains("/s3/aws4_request, SignedHeaders="), authorization)
        XCTAssertTrue(authorization.contains("x-amz-region-set"), authorization)
    }

    func testMultiRegionAccessPointsCanBeSwitchedOff() throws {
        let result = try state(["AWS_REGION": "eu-west-1"]).run(
            """
            local s3 = aws.client("s3", {s3 = {disable_multiregion_access_points = true}})
            local ok, e = pcall(s3.build_request, s3, "get_object",
              {Bucket = "arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap", Key = "k"})
            return e.code, e.message
            """)
        XCTAssertEqual(result[0], .string("EndpointError"))
        let message = result[1].stringValue ?? ""
        XCTAssertTrue(message.contains("Multi-Region Access Point ARNs are disabled"), message)
        XCTAssertTrue(
            message.contains(
                "s3.disable_multiregion_access_points = true (from the s3.disable_multiregion_access_points client option)"
            ),
            message)
    }

    func testRulesBesideAModelFileAreRead() throws {
        let model = try CustomModelTests.botocoreModel("logs")
        let rules = (model as NSString).deletingLastPathComponent + "/endpoint-rule-set-1.json"
        try #"""
        {"version": "1.0", "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region", "required": true}},
         "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://logs.{Region}.rules.example",
           "properties": {"authSchemes": [{"name": "sigv4", "signingName": "logs-test", "signingRegion": "{Region}"}]}}}]}
        """#.write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try state(["AWS_REGION": "eu-north-1"]).run(
            """
            local logs = aws.client{service = "logs", model = "\(model)"}
            local r = logs:build_request("describe_log_groups", {})
            return r.url, r.headers.Authorization
            """)
        XCTAssertEqual(result[0], .string("https://logs.eu-north-1.rules.example/"))
        XCTAssertTrue(result[1].stringValue?.contains("/eu-north-1/logs-test/aws4_request") ?? false, "\(result[1])")
    }
}
