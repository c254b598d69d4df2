import CCurl
import CShims

/// Sends several HTTP requests at once with a curl multi handle, on the calling thread (for S3
/// transfers: parts of one file in parallel).
///
/// Up to `maxConcurrent` requests are in flight at a time; their curl handles are kept between
/// calls so their connections stay alive. Not safe to use from two threads at once.
public final class CurlMultiTransport {
    private let multi: UnsafeMutableRawPointer
    private var idleHandles: [CurlEasyHandle] = []
    public let userAgent: String
    public let maxConcurrent: Int
    public var debugLog: DebugLog?

    public init(userAgent: String = "gluescript", maxConcurrent: Int = 10, debugLog: DebugLog? = nil)
        throws
    {
        guard CurlGlobal.ensureInitialized(), let multi = curl_multi_init() else {
            throw AWSError(code: "ConnectionError", message: "libcurl could not be initialised")
        }
        self.multi = multi
        self.userAgent = userAgent
        self.maxConcurrent = max(1, maxConcurrent)
        self.debugLog = debugLog
    }

    deinit {
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
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
        var running:
            [UnsafeMutableRawPointer: (
                index: Int, exchange: CurlEasyRequest, started: ContinuousClock.Instant
            )] =
                [:]
        var next = 0

        func startMore() {
            while running.count < maxConcurrent, next < transfers.count {
                let index = next
                next += 1
                let (request, options) = transfers[index]
                debugLog?.logRequest(request)
                do {
                    let handle = try idleHandles.popLast() ?? CurlEasyHandle()
                    let exchange = try CurlEasyRequest(
                        request: request, options: options, handle: handle, userAgent: userAgent)
                    let added = curl_multi_add_handle(multi, handle.pointer)
                    guard added == CURLM_OK else {
                        results[index] = exchange.finish(CURLE_FAILED_INIT)
                        idleHandles.append(handle)
                        continue
                    }
                    running[handle.pointer] = (index, exchange, .now)
                } catch let error as AWSError {
                    results[index] = .failure(error)
                } catch {
                    results[index] = .failure(AWSError(code: "ConnectionError", message: "\(error)"))
                }
            }
        }

        startMore()
        while !running.isEmpty {
            var active: Int32 = 0
            var code = curl_multi_perform(multi, &active)
            var pending: Int32 = 0
            while let message = curl_multi_info_read(multi, &pending) {
                guard message.pointee.msg == CURLMSG_DONE, let pointer = message.pointee.easy_handle,
                    let (index, exchange, started) = running.removeValue(forKey: pointer)
                else { continue }
                let outcome = message.pointee.data.result
                curl_multi_remove_handle(multi, pointer)
                results[index] = exchange.finish(outcome)
                log(results[index], options: transfers[index].options, since: started)
                idleHandles.append(exchange.handle)
            }
            startMore()
            if code == CURLM_OK, active > 0 {
                code = curl_multi_poll(multi, nil, 0, 1000, nil)
            }
            if code != CURLM_OK {
                let text = String(cString: curl_multi_strerror(code))
                for (pointer, (index, exchange, _)) in running {
                    curl_multi_remove_handle(multi, pointer)
                    _ = exchange.finish(CURLE_FAILED_INIT)
                    results[index] = .failure(
                        AWSError(
                            code: "ConnectionError",
                            message: "\(exchange.request.method) \(exchange.request.url): \(text)"))
                    idleHandles.append(exchange.handle)
                }
                running.removeAll()
            }
        }
        return results.map {
            $0 ?? .failure(AWSError(code: "ConnectionError", message: "request was not sent"))
        }
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
