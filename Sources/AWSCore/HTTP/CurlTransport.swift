import CCurl
import CCurlShims
import FoundationEssentials

/// Sends HTTP requests one at a time with libcurl, on the calling thread.
///
/// One curl handle, made when the first request is sent (libcurl is loaded then), is reused for every request, so calls to the same host share a kept-alive
/// connection. Safe to share between threads: every use of the handle and of the log is made
/// under `lock`, so requests from several threads take turns (give each thread its own
/// transport to send at once).
/// Curl honours `http_proxy`, `https_proxy` and `no_proxy` from the environment by itself, and
/// TLS certificates are always verified.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let lock = Lock()
    private var handle: CurlEasyHandle?
    private var log: DebugLog?
    /// Sent as `User-Agent` unless a request brings its own.
    public let userAgent: String

    /// Where requests and responses are logged (`--debug`), if anywhere.
    public var debugLog: DebugLog? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return log
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            log = newValue
        }
    }

    public init(userAgent: String = "gluescript", debugLog: DebugLog? = nil) throws {
        self.userAgent = userAgent
        self.log = debugLog
    }

    /// Sends `request` and reads its whole response; a 4xx or 5xx status is returned, not thrown.
    ///
    /// Throws an `AWSError` when no complete response arrived: `ConnectionError`,
    /// `ConnectTimeout`, `ReadTimeout`, `TruncatedBody`, `TLSError`, `InvalidURL`, `Cancelled`,
    /// `LibraryUnavailable` (libcurl could not be loaded),
    /// `BodyFileError` (the body file cannot be opened or is too short), `FileChanged` (it got
    /// shorter while sent), `FileNotReadable`, `ResponseFileError`.
    public func send(_ request: HTTPRequest, options: TransferOptions = TransferOptions()) throws
        -> HTTPResponse
    {
        lock.lock()
        defer { lock.unlock() }
        let debugLog = log
        debugLog?.logRequest(request)
        let started = debugLog == nil ? nil : ContinuousClock.now
        let result: Result<HTTPResponse, AWSError>
        do {
            let handle = try self.handle ?? CurlEasyHandle()
            self.handle = handle
            let exchange = try CurlEasyRequest(
                request: request, options: options, handle: handle, userAgent: userAgent)
            result = withExtendedLifetime(exchange) {
                exchange.finish(gs_curl_easy_perform(handle.pointer))
            }
        } catch let error as AWSError {
            result = .failure(error)
        }
        if let debugLog, let started {
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            switch result {
            case .success(let response):
                debugLog.logResponse(response, seconds: seconds, bodyPath: options.responseBodyPath)
            case .failure(let error): debugLog.logFailure(error, seconds: seconds)
            }
        }
        return try result.get()
    }
}
