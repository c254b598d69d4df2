import CCurl
import CCurlShims
import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends several HTTP requests at once with a curl multi handle, on the calling thread (for S3
/// transfers: parts of one file in parallel).
///
/// It waits on the sockets curl names (`curl_multi_socket_action`), so curl acts only on the
/// transfers whose socket is ready or whose timer is due: driving every transfer on each wake
/// (`curl_multi_perform`) costs one `poll` per transfer per wake.
///
/// `sendAll` keeps up to `maxConcurrent` requests in flight; `start` and `waitForFinished` let
/// the caller keep its own rolling window. Curl handles are kept between requests so their
/// connections stay alive. Not safe to use from two threads at once.
public final class CurlMultiTransport {
    private let multi: UnsafeMutableRawPointer
    private var idleHandles: [CurlEasyHandle] = []
    private var running: [UnsafeMutableRawPointer: Running] = [:]
    private var finishedEarly: [(tag: Int, result: Result<HTTPResponse, AWSError>)] = []
    /// The sockets curl waits on, with the `poll` events it waits for.
    private var sockets: [curl_socket_t: Int16] = [:]
    /// When curl wants to act on its timers (connect and read time-outs, a transfer just added).
    private var timerDue: ContinuousClock.Instant?
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
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard gs_curl_multi_setopt_socket_callback(multi, curlSocketCallback, me) == CURLM_OK,
            gs_curl_multi_setopt_timer_callback(multi, curlTimerCallback, me) == CURLM_OK
        else {
            throw AWSError(code: "ConnectionError", message: "libcurl could not watch its sockets")
        }
    }

    /// A request in flight on one easy handle.
    private struct Running {
        var tag: Int
        var exchange: CurlEasyRequest
        var options: TransferOptions
        var started: ContinuousClock.Instant
    }

    deinit {
        _ = gs_curl_multi_setopt_socket_callback(multi, nil, nil)
        _ = gs_curl_multi_setopt_timer_callback(multi, nil, nil)
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
            var failure: String?
            if let due = timerDue, due <= .now {
                timerDue = nil
                failure = act(on: CURL_SOCKET_TIMEOUT, events: 0)
            } else {
                failure = waitForSockets(until: min(deadline, timerDue ?? deadline))
            }
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
            if let failure { finished += failAll(failure) }
            if !finished.isEmpty || deadline <= .now { break }
        }
        return finished
    }

    /// Waits until a socket curl watches is ready or `time` comes, and lets curl act on the
    /// ready ones; what went wrong, if anything.
    private func waitForSockets(until time: ContinuousClock.Instant) -> String? {
        var descriptors = sockets.map { pollfd(fd: $0.key, events: $0.value, revents: 0) }
        let left = ContinuousClock.now.duration(to: time)
        // Rounded up, so a timer due in less than a millisecond is not polled for again and again.
        let (seconds, attoseconds) = left.components
        let milliseconds =
            left <= .zero
            ? 0 : Int32(min(86_400_000, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready < 0 {
            return errno == EINTR ? nil : "cannot wait for the connections: \(String(cString: strerror(errno)))"
        }
        var failure: String?
        for descriptor in descriptors where descriptor.revents != 0 {
            let revents = Int32(descriptor.revents)
            var events: Int32 = 0
            if revents & Int32(POLLIN | POLLPRI | POLLHUP) != 0 { events |= CURL_CSELECT_IN }
            if revents & Int32(POLLOUT) != 0 { events |= CURL_CSELECT_OUT }
            if revents & Int32(POLLERR | POLLNVAL) != 0 { events |= CURL_CSELECT_ERR }
            failure = act(on: descriptor.fd, events: events) ?? failure
        }
        return failure
    }

    /// Lets curl act on `socket` (or on its timers, for `CURL_SOCKET_TIMEOUT`).
    private func act(on socket: curl_socket_t, events: Int32) -> String? {
        var active: Int32 = 0
        let code = gs_curl_multi_socket_action(multi, socket, events, &active)
        return code == CURLM_OK ? nil : String(cString: gs_curl_multi_strerror(code))
    }

    /// Curl's socket callback: what to wait for on `socket` from now on.
    fileprivate func watch(_ socket: curl_socket_t, what: Int32) {
        switch what {
        case CURL_POLL_IN: sockets[socket] = Int16(POLLIN)
        case CURL_POLL_OUT: sockets[socket] = Int16(POLLOUT)
        case CURL_POLL_INOUT: sockets[socket] = Int16(POLLIN | POLLOUT)
        default: sockets[socket] = nil
        }
    }

    /// Curl's timer callback: act on its timers in `milliseconds`, or never when negative.
    fileprivate func setTimer(milliseconds: Int) {
        timerDue = milliseconds < 0 ? nil : ContinuousClock.now.advanced(by: .milliseconds(milliseconds))
    }

    /// Stops every request in flight; their outcomes are dropped.
    public func cancelAll() {
        _ = failAll("cancelled")
        finishedEarly.removeAll()
    }

    /// Stops the request sent under `tag` if it is still in flight: curl closes its connection,
    /// so the server sees it aborted. Its outcome is dropped.
    public func cancel(tag: Int) {
        finishedEarly.removeAll { $0.tag == tag }
        guard let (pointer, done) = running.first(where: { $0.value.tag == tag }) else { return }
        running[pointer] = nil
        gs_curl_multi_remove_handle(multi, pointer)
        _ = done.exchange.finish(CURLE_FAILED_INIT)
        debugLog?.note("cancelled \(done.exchange.request.summary)")
        idleHandles.append(done.exchange.handle)
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

private func transport(_ userdata: UnsafeMutableRawPointer?) -> CurlMultiTransport? {
    userdata.map { Unmanaged<CurlMultiTransport>.fromOpaque($0).takeUnretainedValue() }
}

private let curlSocketCallback: gs_curl_socket_callback = { _, socket, what, userdata, _ in
    transport(userdata)?.watch(socket, what: what)
    return 0
}

private let curlTimerCallback: gs_curl_timer_callback = { _, milliseconds, userdata in
    transport(userdata)?.setTimer(milliseconds: milliseconds)
    return 0
}
