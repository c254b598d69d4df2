/// How far a managed transfer has got.
public struct S3TransferProgress: Sendable, Equatable {
    public var bytesDone: Int64
    public var totalBytes: Int64
    /// Seconds since the transfer began.
    public var seconds: Double

    public init(bytesDone: Int64, totalBytes: Int64, seconds: Double) {
        self.bytesDone = bytesDone
        self.totalBytes = totalBytes
        self.seconds = seconds
    }

    /// Average speed so far; 0 before any time has passed.
    public var bytesPerSecond: Double { seconds > 0 ? Double(bytesDone) / seconds : 0 }
}
