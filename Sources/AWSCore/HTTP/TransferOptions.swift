/// How one HTTP exchange is carried out: time limits, where the response body goes, progress.
public struct TransferOptions {
    /// Seconds allowed to open the connection (TCP and TLS); 0 leaves curl's default (300).
    public var connectTimeout: Double
    /// Seconds without a single byte moving in either direction before the transfer is given up
    /// (`ReadTimeout`, noticed within about a second); 0 means wait for ever.
    public var readTimeout: Double
    /// When set, a successful (2xx) response body is streamed to this file instead of memory.
    /// It is written to a temporary file beside it and renamed at the end, so a failed
    /// transfer never leaves a partial file behind. Error bodies still arrive in memory.
    public var responseBodyPath: String?
    /// When set, a successful response body fills this region of a download as it arrives,
    /// and one that runs past the region is stopped (`BodyTooLong`).
    var responseBodyRegion: DownloadRegion?
    /// A certificate bundle to trust instead of the system's (`AWS_CA_BUNDLE`).
    public var caBundle: String?
    /// Called as bytes move; may be called often.
    public var progress: ((TransferProgress) -> Void)?
    /// Polled during the transfer; returning `true` stops it with the error code `Cancelled`.
    public var isCancelled: (() -> Bool)?
    /// Flexible checksums a successful response body is checked with when it carries one
    /// (`x-amz-checksum-*`), in order of preference; a mismatch fails the transfer with
    /// `ChecksumMismatch` and leaves no file behind (a target written in place keeps what arrived).
    public var responseChecksumAlgorithms: [ChecksumAlgorithm] = []

    public init(
        connectTimeout: Double = 60, readTimeout: Double = 60, responseBodyPath: String? = nil,
        caBundle: String? = nil, progress: ((TransferProgress) -> Void)? = nil,
        isCancelled: (() -> Bool)? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.responseBodyPath = responseBodyPath
        self.caBundle = caBundle
        self.progress = progress
        self.isCancelled = isCancelled
    }
}

/// Bytes moved so far in one HTTP exchange; totals are 0 while unknown.
public struct TransferProgress: Sendable, Equatable {
    public var bytesSent: Int64
    public var totalBytesToSend: Int64
    public var bytesReceived: Int64
    public var totalBytesToReceive: Int64

    public init(
        bytesSent: Int64, totalBytesToSend: Int64, bytesReceived: Int64, totalBytesToReceive: Int64
    ) {
        self.bytesSent = bytesSent
        self.totalBytesToSend = totalBytesToSend
        self.bytesReceived = bytesReceived
        self.totalBytesToReceive = totalBytesToReceive
    }
}
