import OrderedCollections

/// S3's own rules, as botocore applies them: bucket addressing, the location constraint of
/// CreateBucket, and following a bucket to its region.
extension AWSClient {
    var isS3: Bool { model.metadata.endpointPrefix == "s3" && model.metadata.protocolName == "rest-xml" }

    /// CreateBucket outside us-east-1 needs `CreateBucketConfiguration.LocationConstraint`;
    /// `CopySource` is URL-encoded and may be given as `{Bucket=, Key=, VersionId=}`.
    func applyS3Defaults(_ operation: OperationModel, _ input: JSONValue) throws -> JSONValue {
        guard isS3, case .object(var members) = input else { return input }
        if let bucket = members["Bucket"]?.stringValue {
            try S3BucketName.check(bucket, service: serviceName, operation: operation.name)
        }
        if let source = members["CopySource"] {
            guard let encoded = AWSClient.copySource(source) else {
                throw AWSError(
                    code: "ValidationError",
                    message: "Invalid parameters for s3.\(operation.name): CopySource: give \"bucket/key\" "
                        + "or {Bucket = \"...\", Key = \"...\", VersionId = \"...\"} with strings",
                    service: serviceName, operation: operation.name)
            }
            members["CopySource"] = .string(encoded)
        }
        if operation.name == "CreateBucket", region != "us-east-1" {
            var configuration = members["CreateBucketConfiguration"]?.objectValue ?? [:]
            if configuration["LocationConstraint"] == nil {
                configuration["LocationConstraint"] = .string(region)
                members["CreateBucketConfiguration"] = .object(configuration)
            }
        }
        return .object(members)
    }

    /// `bucket/key` percent-encoded as botocore does (`/` and `~` kept), with `?versionId=`.
    static func copySource(_ value: JSONValue) -> String? {
        let bucket: String
        let key: String
        var version: String?
        switch value {
        case .object(let members):
            guard let b = members["Bucket"]?.stringValue, let k = members["Key"]?.stringValue,
                Set(members.keys).isSubset(of: ["Bucket", "Key", "VersionId"]),
                members["VersionId"] == nil || members["VersionId"]?.stringValue != nil
            else { return nil }
            bucket = b
            key = k
            version = members["VersionId"]?.stringValue
        case .string(let text):
            let parts = text.split(separator: "?", maxSplits: 1)
            if parts.count == 2, parts[1].hasPrefix("versionId=") {
                return PercentEncoding.encodePath(String(parts[0])) + "?" + parts[1]
            }
            return PercentEncoding.encodePath(text)
        default:
            return nil
        }
        let path = PercentEncoding.encodePath(bucket + "/" + key)
        return version.map { path + "?versionId=" + PercentEncoding.encode($0) } ?? path
    }

    /// Virtual-hosted addressing (`bucket.s3.region.amazonaws.com/key`) for DNS-safe bucket
    /// names on AWS; path-style (`host/bucket/key`) with a custom endpoint or other names.
    func applyS3Addressing(_ request: HTTPRequest, input: JSONValue, endpoint: ServiceEndpoint) throws -> HTTPRequest {
        guard !endpoint.isCustom, let bucket = input["Bucket"]?.stringValue, AWSClient.isDNSCompatible(bucket)
        else { return request }
        var url = try AWSURL(parsing: request.url)
        let prefix = "/" + PercentEncoding.encode(bucket)
        guard url.path == prefix || url.path.hasPrefix(prefix + "/") else { return request }
        url.path = String(url.path.dropFirst(prefix.count))
        if url.path.isEmpty { url.path = "/" }
        url.host = bucket + "." + url.host
        var moved = request
        moved.url = url.description
        moved.headers.removeAll { $0.name.lowercased() == "host" }
        return moved
    }

    /// A bucket name that can be a host name label: 3 to 63 lower-case letters, digits and
    /// dashes, starting and ending with a letter or digit (no dots: they break TLS).
    static func isDNSCompatible(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func alphanumeric(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
        guard alphanumeric(bytes.first!), alphanumeric(bytes.last!) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == 45 }
    }

    /// The client's endpoint moved to `region` (the host too, unless the endpoint is custom).
    func endpoint(in region: String) -> ServiceEndpoint {
        var moved = endpoint
        moved.signingRegion = region
        if !moved.isCustom { moved.url.host = "s3.\(region).amazonaws.com" }
        return moved
    }

    /// The region a wrong-region S3 answer (301, or 400 with a region hint) points to.
    func redirectRegion(for error: AWSError) -> String? {
        guard isS3, let status = error.status, status == 301 || status == 400 || status == 307 else { return nil }
        return error.fields["BucketRegion"]?.stringValue
    }
}
