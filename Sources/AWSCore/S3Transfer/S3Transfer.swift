/// Managed S3 transfers as boto3's `upload_file` and `download_file` make them: large files in
/// parts sent in parallel, each part signed and retried on its own, with progress; a failed
/// upload is aborted and a failed download leaves no file behind.
public final class S3Transfer {
    public let client: AWSClient
    public var options: S3TransferOptions
    let transport: ParallelTransport

    /// A transfer through `client` (an S3 client); `transport` sends the parts, by default a
    /// curl multi handle with `options.concurrency` connections.
    public init(
        client: AWSClient, options: S3TransferOptions = S3TransferOptions(), transport: ParallelTransport? = nil
    )
        throws
    {
        guard client.model.operations.keys.contains("UploadPart"), client.model.operations.keys.contains("GetObject")
        else {
            throw AWSError(
                code: "InvalidClient",
                message: "managed transfers need an S3 client; \(client.serviceName) has no UploadPart and GetObject",
                service: client.serviceName)
        }
        guard options.concurrency >= 1 else {
            throw AWSError(
                code: "ValidationError", message: "concurrency must be 1 or more, got \(options.concurrency)")
        }
        guard options.partSize >= 1, options.threshold >= 0 else {
            throw AWSError(code: "ValidationError", message: "part size must be positive and threshold not negative")
        }
        self.client = client
        self.options = options
        self.transport =
            try transport
            ?? CurlMultiTransport(
                userAgent: AWSClient.userAgent, maxConcurrent: options.concurrency, debugLog: client.debugLog)
    }

    /// The parts for `size` bytes with the configured part size.
    func plan(size: Int64) -> [TransferPart] {
        let partSize = PartPlan.partSize(
            forSize: size, requested: options.partSize, minimum: options.minimumPartSize)
        return PartPlan.parts(size: size, partSize: partSize)
    }

    /// `s3://bucket/key`, for messages.
    static func location(_ bucket: String, _ key: String) -> String { QuotedValue.shortened("s3://\(bucket)/\(key)") }

    /// `value` with `members` set, for request inputs built on the caller's extra parameters.
    static func merging(_ value: JSONValue, _ members: [(String, JSONValue)]) -> JSONValue {
        var object = value.objectValue ?? [:]
        for (name, member) in members { object[name] = member }
        return .object(object)
    }

    /// Runs `body` with the client's cancellation switched off, for the clean-up calls that must
    /// still be made after an interrupt.
    func ignoringInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        let saved = client.isCancelled
        client.isCancelled = { false }
        defer { client.isCancelled = saved }
        return try body()
    }
}
