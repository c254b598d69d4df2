import CCurl
import CCurlShims
import CShims

/// Sends several HTTP requests at once with a curl multi handle, on the calling thread (for S3
/// transfers: parts of one file in parallel).
///
/// `sendAll` keeps up to `maxConcurrent` requests in flight; `start` and `waitForFinished` let
/// the caller keep its own rolling window. Curl handles are kept between requests so their
/// connections stay alive. Not safe to use from two threads at once.
public final class CurlMultiTransport {
    private let multi: UnsafeMutableRawPointer
    private var idleHandles: [CurlEasyHandle] = []
    private var running: [UnsafeMutableRawPointer: Running] = [:]
    private var finishedEarly: [(tag: Int, result: Result<HTTPResponse, AWSError>)] = []
    public let userAgent: String
    public let maxConcurrent: Int
    public var debugLog: DebugLog?

    public init(userAgent: String = "gluescript", maxConcurrent: Int = 10, debugLog: DebugLog? = nil)
        throws
    {
        try CurlGlobal.ensureInitialized()
        guard let multi = gs_curl_multi_init() else {
            throw AWSError(code: "ConnectionError", message: "libcurl could not be initialised")
        }
        self.multi = multi
        self.userAgent = userAgent
        self.maxConcurrent = max(1, maxConcurrent)
        self.debugLog = debugLog
    }

    /// A request in flight on one easy handle.
    private struct Running {
        var tag: Int
        var exchange: CurlEasyRequest
        var options: TransferOptions
        var started: ContinuousClock.Instant
    }

    deinit {
        cancelAll()
        idleHandles.removeAll()
        gs_curl_multi_cleanup(multi)
    }

    /// Sends every request with the same options; results come back in the requests' order.
    public func sendAll(_ requests: [HTTPRequest], options: TransferOptions = TransferOptions())
        -> [Result<HTTPResponse, AWSError>]
    {
        sendAll(requests.map { ($0, options) })
    }

    /// Sends every request with its own options (its own download file, say); results come back
    /// in the same order. A failed transfer is a `.failure` and does not stop the others.
    public func sendAll(_ transfers: [(request: HTTPRequest, options: TransferOptions)])
        -> [Result<HTTPResponse, AWSError>]
    {
        var results = [Result<HTTPResponse, AWSError>?](repeating: nil, count: transfers.count)
        var next = 0
        var inFlight = 0
        while next < transfers.count || inFlight > 0 {
            while inFlight < maxConcurrent, next < transfers.count {
                start(transfers[next].request, options: transfers[next].options, tag: next)
                next += 1
                inFlight += 1
            }
            for (tag, result) in waitForFinished(timeout: 1) where results.indices.contains(tag) {
                results[tag] = result
                inFlight -= 1
            }
        }
        return results.map {
            $0 ?? .failure(AWSError(code: "ConnectionError", message: "request was not sent"))
        }
    }

    /// Starts sending `request` at once, beside those already in flight (`maxConcurrent` does
    /// not limit this: the caller decides how many run); its outcome comes back from
    /// `waitForFinished` under `tag`.
    public func start(_ request: HTTPRequest, options: TransferOptions, tag: Int) {
        debugLog?.logRequest(request)
        do {
            let handle = try idleHandles.popLast() ?? CurlEasyHandle()
            let exchange = try CurlEasyRequest(
                request: request, options: options, handle: handle, userAgent: userAgent)
            guard gs_curl_multi_add_handle(multi, handle.pointer) == CURLM_OK else {
                finishedEarly.append((tag, exchange.finish(CURLE_FAILED_INIT)))
                idleHandles.append(handle)
                return
            }
            running[handle.pointer] = Running(tag: tag, exchange: exchange, options: options, started: .now)
        } catch let error as AWSError {
            finishedEarly.append((tag, .failure(error)))
        } catch {
            finishedEarly.append((tag, .failure(AWSError(code: "ConnectionError", message: "\(error)"))))
        }
    }

    /// Drives the requests in flight until at least one finishes or `timeout` seconds pass,
    /// and returns the outcomes of those that finished, with their tags.
    public func waitForFinished(timeout: Double) -> [(tag: Int, result: Result<HTTPResponse, AWSError>)] {
        var finished = finishedEarly
        finishedEarly.removeAll()
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(min(max(0, timeout), 86_400) * 1000)))
        while !running.isEmpty {
            var active: Int32 = 0
            var code = gs_curl_multi_perform(multi, &active)
            var pending: Int32 = 0
            while let message = gs_curl_multi_info_read(multi, &pending) {
                guard message.pointee.msg == CURLMSG_DONE, let pointer = message.pointee.easy_handle,
                    let done = running.removeValue(forKey: pointer)
                else { continue }
                let outcome = message.pointee.data.result
                gs_curl_multi_remove_handle(multi, pointer)
                let result = done.exchange.finish(outcome)
                log(result, options: done.options, since: done.started)
                idleHandles.append(done.exchange.handle)
                finished.append((done.tag, result))
            }
            let left = ContinuousClock.now.duration(to: deadline)
            if code == CURLM_OK, finished.isEmpty, active > 0, left > .zero {
                let milliseconds = Int32(
                    min(
                        1000,
                        max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
                code = gs_curl_multi_poll(multi, nil, 0, milliseconds, nil)
            }
            if code != CURLM_OK {
                finished += failAll(String(cString: gs_curl_multi_strerror(code)))
            }
            if !finished.isEmpty || left <= .zero { break }
        }
        return finished
    }

    /// Stops every request in flight; their outcomes are dropped.
    public func cancelAll() {
        _ = failAll("cancelled")
        finishedEarly.removeAll()
    }

    /// Ends every request in flight with a `ConnectionError` saying `reason`.
    private func failAll(_ reason: String) -> [(tag: Int, result: Result<HTTPResponse, AWSError>)] {
        var failed: [(tag: Int, result: Result<HTTPResponse, AWSError>)] = []
        for (pointer, done) in running {
            gs_curl_multi_remove_handle(multi, pointer)
            _ = done.exchange.finish(CURLE_FAILED_INIT)
            let request = done.exchange.request
            failed.append(
                (
                    done.tag,
                    .failure(AWSError(code: "ConnectionError", message: "\(request.summary): \(reason)"))
                ))
            idleHandles.append(done.exchange.handle)
        }
        running.removeAll()
        return failed
    }

    private func log(
        _ result: Result<HTTPResponse, AWSError>?, options: TransferOptions,
        since started: ContinuousClock.Instant
    ) {
        guard let debugLog, let result else { return }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        switch result {
        case .success(let response):
            debugLog.logResponse(response, seconds: seconds, bodyPath: options.responseBodyPath)
        case .failure(let error):
            debugLog.logFailure(error, seconds: seconds)
        }
    }
}
