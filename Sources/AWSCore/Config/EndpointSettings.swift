/// The settings that choose among a service's endpoints (the endpoint rules' built-in
/// parameters), each with where it came from, so that an error can name it.
public struct EndpointSettings: Sendable, Equatable {
    /// `use_fips_endpoint`.
    public var useFIPS: ConfiguredValue<Bool>?
    /// `use_dualstack_endpoint`.
    public var useDualStack: ConfiguredValue<Bool>?
    public var s3 = S3EndpointSettings()

    public init(useFIPS: ConfiguredValue<Bool>? = nil, useDualStack: ConfiguredValue<Bool>? = nil) {
        self.useFIPS = useFIPS
        self.useDualStack = useDualStack
    }
}

/// boto3's S3 settings (`s3 = {...}` in a client's config or a profile).
public struct S3EndpointSettings: Sendable, Equatable {
    /// `auto`, `virtual` or `path`.
    public var addressingStyle: ConfiguredValue<String>?
    public var useAccelerateEndpoint: ConfiguredValue<Bool>?
    public var useARNRegion: ConfiguredValue<Bool>?
    public var disableMultiRegionAccessPoints: ConfiguredValue<Bool>?
    /// `legacy` (us-east-1 uses `s3.amazonaws.com`, botocore's default) or `regional`.
    public var usEast1RegionalEndpoint: ConfiguredValue<String>?

    public init() {}

    /// The setting names of the `s3` table and profile section.
    public static let keys = [
        "addressing_style", "use_accelerate_endpoint", "use_arn_region", "disable_multiregion_access_points",
        "us_east_1_regional_endpoint",
    ]
}
