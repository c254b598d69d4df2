/// Per-call choices: where a response body goes, progress, time-outs.
public struct CallOptions {
    /// Stream the response body into this file instead of memory (S3 `get_object`).
    public var responseBodyPath: String?
    public var progress: ((TransferProgress) -> Void)?
    /// Sent as the body in place of the input's payload member (an open file's content).
    public var requestBody: HTTPRequest.Body?

    public init(responseBodyPath: String? = nil, progress: ((TransferProgress) -> Void)? = nil) {
        self.responseBodyPath = responseBodyPath
        self.progress = progress
    }
}
