/// Choices for one managed upload or download (`S3Transfer`), with boto3's defaults.
public struct S3TransferOptions {
    /// Files at least this large are uploaded in parts, objects downloaded in ranges (8 MiB).
    public var threshold: Int64 = 8 * 1024 * 1024
    /// The size of each part (8 MiB), raised as `PartPlan` requires.
    public var partSize: Int64 = 8 * 1024 * 1024
    /// The smallest part size allowed: S3's 5 MiB; lower only for emulators configured so.
    public var minimumPartSize: Int64 = PartPlan.minimumPartSize
    /// Parts in flight at once (10).
    public var concurrency: Int = 10
    /// Further parameters of PutObject / CreateMultipartUpload (`ContentType`, `Metadata`, ...).
    public var extra: JSONValue = .object([:])
    /// Called as bytes move, at most about ten times a second, and once at the end.
    public var progress: ((S3TransferProgress) -> Void)?

    public init() {}
}
