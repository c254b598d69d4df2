import AWSCore
import Host

/// The client options that choose an endpoint: `use_fips_endpoint`, `use_dualstack_endpoint`
/// and boto3's `s3 = {addressing_style =, use_accelerate_endpoint =, use_arn_region =,
/// disable_multiregion_access_points =, us_east_1_regional_endpoint =}`, as the settings
/// `ConfigResolver.endpointSettings(given:)` takes.
enum EndpointOptions {
    static func read(_ settings: LuaTable, of function: String) throws -> [String: String] {
        var given: [String: String] = [:]
        for key in ["use_fips_endpoint", "use_dualstack_endpoint"] {
            if let flag = try settings.booleanOption(key, of: function) { given[key] = String(flag) }
        }
        guard let s3 = try settings.tableOption("s3", of: function) else { return given }
        let owner = "\(function) option s3"
        try OptionCheck.only(S3EndpointSettings.keys, in: s3, for: owner)
        for key in ["addressing_style", "us_east_1_regional_endpoint"] {
            if let text = try s3.stringOption(key, of: owner) { given["s3." + key] = text }
        }
        for key in ["use_accelerate_endpoint", "use_arn_region", "disable_multiregion_access_points"] {
            if let flag = try s3.booleanOption(key, of: owner) { given["s3." + key] = String(flag) }
        }
        return given
    }
}
