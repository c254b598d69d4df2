/// One call of a batch sent in parallel: an operation, its input, and the body to send in
/// place of the input's payload (a region of a file for UploadPart).
struct ParallelCall {
    var operation: String
    var input: JSONValue
    var body: HTTPRequest.Body?
    /// Bytes the call moves (sent or received), for progress.
    var bytes: Int64
    /// Where a successful response body goes as it arrives, instead of memory.
    var region: DownloadRegion? = nil
}

extension AWSClient {
    /// Sends `calls` through `transport` with at most `concurrency` in flight: as soon as one
    /// finishes the next is signed (with fresh credentials and date) and started. Each
    /// successful response goes to `received` with its call's index as it arrives.
    ///
    /// Each call is retried on its own as the client's retry policy allows (same attempts,
    /// backoff and quota as `call`): a failed call waits out its backoff in the queue while the
    /// others go on. The first error that cannot be retried, or an interrupt (`Cancelled`), is
    /// thrown, and the calls still in flight are stopped. `inOrder` keeps the calls in their
    /// order, retries included (with `concurrency` 1, for a target written in order).
    func sendInParallel(
        _ calls: [ParallelCall], through transport: ParallelTransport, concurrency: Int, uploading: Bool,
        inOrder: Bool = false, progress: ProgressCounter, received: (Int, HTTPResponse) throws -> Void
    ) throws {
        let operations = try Dictionary(
            Set(calls.map(\.operation)).map { ($0, try operation($0)) }, uniquingKeysWith: { a, _ in a })
        var prepared = calls
        for index in prepared.indices {
            guard let operation = operations[prepared[index].operation] else { continue }
            prepared[index].input = try prepareInput(operation, prepared[index].input)
        }
        var queue = PartQueue(count: calls.count, inOrder: inOrder)
        var inFlight: [Int: Int] = [:]
        var retryCosts: [Int: Int] = [:]
        defer { if !inFlight.isEmpty { transport.cancelAll() } }
        func start(_ item: PartQueue.Item) throws {
            if let limiter = retryPolicy.rateLimiter { try pause(limiter.delayBeforeSending()) }
            let (request, options) = try transfer(
                prepared[item.index], index: item.index, operations: operations, uploading: uploading,
                progress: progress)
            inFlight[item.index] = item.attempt
            transport.start(request, options: options, tag: item.index)
        }
        while !queue.isEmpty || !inFlight.isEmpty {
            try checkCancelled()
            while inFlight.count < max(1, concurrency), let item = queue.next(now: .now) {
                try start(item)
            }
            if inFlight.isEmpty {
                if let item = try queue.nextRetry(waiting: pause) { try start(item) }
                continue
            }
            let wait = min(0.1, queue.secondsUntilRetry(now: .now) ?? 0.1)
            for (index, result) in transport.waitForFinished(timeout: wait) {
                guard let attempt = inFlight.removeValue(forKey: index),
                    let operation = operations[calls[index].operation]
                else { continue }
                var error: AWSError
                switch result {
                case .success(let response):
                    if var failure = wireProtocol.error(in: response, for: operation) {
                        if failure.status == nil { failure.status = response.status }
                        error = failure
                    } else {
                        retryPolicy.rateLimiter?.record(throttled: false)
                        retryPolicy.recordSuccess(lastRetryCost: retryCosts[index])
                        try received(index, response)
                        progress.finish(index, bytes: calls[index].bytes)
                        continue
                    }
                case .failure(let failure):
                    error = failure
                }
                error.service = serviceName
                error.operation = operation.name
                if error.code == "Cancelled" {
                    error.attempts = attempt
                    throw error
                }
                retryPolicy.rateLimiter?.record(
                    throttled: RetryClassifier.reason(for: error, mode: retryPolicy.mode) == .throttling)
                guard let next = retryPolicy.retry(after: &error, attempt: attempt) else { throw error }
                if let cost = next.cost { retryCosts[index] = cost }
                debugLog?.note("retrying part after \(error.code) (attempt \(attempt + 1))")
                progress.reset(index)
                queue.retry(index, attempt: attempt + 1, after: next.delay, now: .now)
            }
        }
    }

    /// The signed request for `call` with the options that report its progress.
    private func transfer(
        _ call: ParallelCall, index: Int, operations: [String: OperationModel], uploading: Bool,
        progress: ProgressCounter
    ) throws -> (request: HTTPRequest, options: TransferOptions) {
        guard let operation = operations[call.operation] else {
            throw AWSError(code: "UnknownOperation", message: call.operation)
        }
        let endpoint = try endpoint(for: operation, call.input)
        let request = try unsignedRequest(operation, call.input, endpoint: endpoint, body: call.body)
        let signed = try sign(request, operation: operation, endpoint: endpoint)
        var options = TransferOptions(
            connectTimeout: connectTimeout, readTimeout: readTimeout, caBundle: caBundle,
            progress: { moved in
                progress.update(index, bytes: uploading ? moved.bytesSent : moved.bytesReceived)
            },
            isCancelled: isCancelled)
        options.responseChecksumAlgorithms = responseChecksumAlgorithms(operation, call.input)
        options.responseBodyRegion = call.region
        return (signed, options)
    }

    /// Throws `Cancelled` once the client is interrupted.
    func checkCancelled() throws {
        if isCancelled() { throw AWSError(code: "Cancelled", message: "the transfer was interrupted") }
    }

    /// Waits `seconds` before retrying, in short naps so an interrupt is noticed at once.
    private func pause(_ seconds: Double) throws {
        var left = seconds
        while left > 0 {
            try checkCancelled()
            let nap = min(left, 0.1)
            retryPolicy.sleep(nap)
            left -= nap
        }
        try checkCancelled()
    }
}
