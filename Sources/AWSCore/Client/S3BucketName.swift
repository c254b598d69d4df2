/// boto3's check of S3's `Bucket` parameter (botocore's `validate_bucket_name`), made before
/// anything is sent: a name of 1 to 255 letters, digits, `.`, `-` and `_`, or an access point
/// or Outposts access point ARN. An `s3://bucket/prefix` URL, a common slip, gets the fix.
enum S3BucketName {
    /// Throws `ValidationError` naming `Bucket` when `bucket` is neither a name nor an ARN.
    static func check(_ bucket: String, service: String, operation: String) throws {
        if isPlainName(bucket) || isAccessPointARN(bucket) { return }
        var message =
            "Invalid parameters for \(service).\(operation): Bucket: invalid bucket name "
            + "\"" + QuotedValue.shortened(bucket) + "\""
            + ": a bucket name has only letters, digits, '.', '-' and '_' (1 to 255), or is an access point ARN"
        if let (name, prefix) = urlParts(bucket), isPlainName(name) {
            message += "; for \"\(QuotedValue.shortened(bucket))\" give Bucket = \"\(name)\""
            if !prefix.isEmpty { message += " and put \"\(prefix)\" in front of the key" }
        }
        throw AWSError(code: "ValidationError", message: message, service: service, operation: operation)
    }

    /// botocore's `VALID_BUCKET`: `^[a-zA-Z0-9.\-_]{1,255}$`.
    static func isPlainName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...255).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x2D || byte == 0x5F
        }
    }

    /// botocore's `VALID_S3_ARN`: an access point ARN of S3 or S3 Object Lambda, or an
    /// Outposts access point ARN.
    static func isAccessPointARN(_ text: String) -> Bool {
        guard text.hasPrefix("arn:aws") else { return false }
        let accessPoint =
            #"^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$"#
        let outpost =
            #"^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$"#
        return [accessPoint, outpost].contains { pattern in
            (try? Regex(pattern).wholeMatch(in: text)) != nil
        }
    }

    /// `s3://bucket/prefix` or `bucket/prefix` split into the bucket and the prefix.
    private static func urlParts(_ text: String) -> (String, String)? {
        var rest = Substring(text)
        for scheme in ["s3://", "s3a://", "s3n://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        guard rest.count < text.count || rest.contains("/") else { return nil }
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
}
