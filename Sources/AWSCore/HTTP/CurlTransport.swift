import CCurl

/// Sends HTTP requests one at a time with libcurl, on the calling thread.
///
/// One curl handle is reused for every request, so calls to the same host share a kept-alive
/// connection. Not safe to use from two threads at once (hence `@unchecked Sendable`: a client
/// and its transport belong to one Lua state); give each thread its own transport.
/// Curl honours `http_proxy`, `https_proxy` and `no_proxy` from the environment by itself, and
/// TLS certificates are always verified.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let handle: CurlEasyHandle
    /// Sent as `User-Agent` unless a request brings its own.
    public let userAgent: String
    /// Where requests and responses are logged (`--debug`), if anywhere.
    public var debugLog: DebugLog?

    public init(userAgent: String = "gluescript", debugLog: DebugLog? = nil) throws {
        self.handle = try CurlEasyHandle()
        self.userAgent = userAgent
        self.debugLog = debugLog
    }

    /// Sends `request` and reads its whole response; a 4xx or 5xx status is returned, not thrown.
    ///
    /// Throws an `AWSError` when no complete response arrived: `ConnectionError`,
    /// `ConnectTimeout`, `ReadTimeout`, `TruncatedBody`, `TLSError`, `InvalidURL`, `Cancelled`,
    /// `BodyFileError`, `ResponseFileError`.
    public func send(_ request: HTTPRequest, options: TransferOptions = TransferOptions()) throws
        -> HTTPResponse
    {
        debugLog?.logRequest(request)
        let started = ContinuousClock.now
        let result: Result<HTTPResponse, AWSError>
        do {
            let exchange = try CurlEasyRequest(
                request: request, options: options, handle: handle, userAgent: userAgent)
            result = withExtendedLifetime(exchange) {
                exchange.finish(curl_easy_perform(handle.pointer))
            }
        } catch let error as AWSError {
            result = .failure(error)
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        switch result {
        case .success(let response):
            debugLog?.logResponse(response, seconds: seconds, bodyPath: options.responseBodyPath)
            return response
        case .failure(let error):
            debugLog?.logFailure(error, seconds: seconds)
            throw error
        }
    }
}
