/// Where a service's requests go and the region they are signed for.
public struct ServiceEndpoint: Sendable, Equatable {
    public var url: AWSURL
    public var signingRegion: String
    /// True when the URL was configured (an emulator, a VPC endpoint): S3 then uses path-style
    /// addressing, as botocore does.
    public var isCustom: Bool
    /// The service name to sign for, when the endpoint rules name one (`s3-outposts`).
    public var signingName: String?
    /// The SigV4a region set (`*`) when the endpoint needs SigV4a (multi-region access points).
    public var signingRegionSet: String?
    /// Headers the endpoint rules add to each request.
    public var headers: [(name: String, value: String)] = []
    /// True when the URL came from the endpoint rules, which place an S3 bucket themselves.
    public var fromRules = false

    public static func == (lhs: ServiceEndpoint, rhs: ServiceEndpoint) -> Bool {
        lhs.url == rhs.url && lhs.signingRegion == rhs.signingRegion && lhs.isCustom == rhs.isCustom
            && lhs.signingName == rhs.signingName && lhs.fromRules == rhs.fromRules
            && lhs.signingRegionSet == rhs.signingRegionSet
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }

    public init(url: AWSURL, signingRegion: String, isCustom: Bool) {
        self.url = url
        self.signingRegion = signingRegion
        self.isCustom = isCustom
    }

    /// The endpoint for `metadata` in `region`, or the configured `customURL`.
    ///
    /// Global services (IAM) go to their one host and sign for `us-east-1` (`cn-` regions:
    /// `cn-north-1`); everything else is regional: `https://<prefix>.<region>.amazonaws.com`
    /// (`.amazonaws.com.cn` in China).
    public static func resolve(metadata: ServiceMetadata, region: String, customURL: String?) throws
        -> ServiceEndpoint
    {
        let isChina = region.hasPrefix("cn-")
        let suffix = isChina ? "amazonaws.com.cn" : "amazonaws.com"
        var signingRegion = region
        if let global = metadata.globalEndpoint, isGlobal(metadata), !region.hasPrefix("us-gov-") {
            signingRegion = isChina ? "cn-north-1" : "us-east-1"
            if customURL == nil {
                let host = isChina ? "\(metadata.endpointPrefix).\(signingRegion).\(suffix)" : global
                return ServiceEndpoint(
                    url: AWSURL(scheme: "https", host: host), signingRegion: signingRegion, isCustom: false)
            }
        }
        if let customURL {
            var url = try AWSURL(parsing: customURL)
            guard url.scheme == "https" || url.scheme == "http" else {
                throw AWSError(
                    code: "InvalidEndpoint",
                    message: "endpoint URL \(Redaction.url(customURL)) must start with https:// or http://")
            }
            if url.path.hasSuffix("/") && url.path != "/" { url.path.removeLast() }
            return ServiceEndpoint(url: url, signingRegion: signingRegion, isCustom: true)
        }
        guard Self.isValidRegion(region) else {
            throw AWSError(
                code: "InvalidRegion",
                message: "region \"\(QuotedValue.shortened(region))\" is not a valid region name (e.g. us-east-1)")
        }
        let host = "\(metadata.endpointPrefix).\(region).\(suffix)"
        return ServiceEndpoint(url: AWSURL(scheme: "https", host: host), signingRegion: signingRegion, isCustom: false)
    }

    /// IAM and the other partition-wide services. S3 and STS name a global endpoint in their
    /// models too, but are used regionally, as current SDKs do.
    public static func isGlobal(_ metadata: ServiceMetadata) -> Bool {
        metadata.globalEndpoint != nil && metadata.endpointPrefix != "s3" && metadata.endpointPrefix != "sts"
    }

    /// Services that need no region configured: the global ones, and S3 (us-east-1, as boto3).
    public static func usesUSEast1ByDefault(_ metadata: ServiceMetadata) -> Bool {
        isGlobal(metadata) || metadata.endpointPrefix == "s3"
    }

    /// Letters, digits and dashes, as host names allow: a typo'd region must not make a
    /// request to some other host.
    static func isValidRegion(_ region: String) -> Bool {
        !region.isEmpty && region.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}
