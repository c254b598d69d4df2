/// One call of a batch sent in parallel: an operation, its input, and the body to send in
/// place of the input's payload (a region of a file for UploadPart).
struct ParallelCall {
    var operation: String
    var input: JSONValue
    var body: HTTPRequest.Body?
    /// Bytes the call moves (sent or received), for progress.
    var bytes: Int64
}

extension AWSClient {
    /// Sends `calls` through `transport`, up to `window` at a time, and hands each successful
    /// response to `received` with its call's index as it arrives.
    ///
    /// Each call is signed afresh for every attempt and retried on its own as the client's
    /// retry policy allows (same attempts, backoff and quota as `call`). The first error that
    /// cannot be retried, or an interrupt (`Cancelled`), is thrown.
    func sendInParallel(
        _ calls: [ParallelCall], through transport: ParallelTransport, window: Int, uploading: Bool,
        progress: ProgressCounter, received: (Int, HTTPResponse) throws -> Void
    ) throws {
        var queue: [(index: Int, attempt: Int)] = calls.indices.map { ($0, 1) }
        var retryCosts: [Int: Int] = [:]
        let operations = try Dictionary(
            Set(calls.map(\.operation)).map { ($0, try operation($0)) }, uniquingKeysWith: { a, _ in a })
        var prepared = calls
        for index in prepared.indices {
            guard let operation = operations[prepared[index].operation] else { continue }
            prepared[index].input = try prepareInput(operation, prepared[index].input)
        }
        while !queue.isEmpty {
            try checkCancelled()
            let batch = Array(queue.prefix(max(1, window)))
            queue.removeFirst(batch.count)
            let transfers = try batch.map { item in
                try transfer(
                    prepared[item.index], index: item.index, operations: operations, uploading: uploading,
                    progress: progress)
            }
            let results = transport.sendAll(transfers)
            var retries: [(index: Int, attempt: Int)] = []
            var delay = 0.0
            for (item, result) in zip(batch, results) {
                guard let operation = operations[calls[item.index].operation] else { continue }
                var error: AWSError
                switch result {
                case .success(let response):
                    if var failure = wireProtocol.error(in: response, for: operation) {
                        if failure.status == nil { failure.status = response.status }
                        error = failure
                    } else {
                        retryPolicy.quota?.release(retryCosts[item.index] ?? RetryQuota.successRefund)
                        try received(item.index, response)
                        progress.finish(item.index, bytes: calls[item.index].bytes)
                        continue
                    }
                case .failure(let failure):
                    error = failure
                }
                error.attempts = item.attempt
                error.service = serviceName
                error.operation = operation.name
                if error.code == "Cancelled" { throw error }
                let reason = RetryClassifier.reason(for: error, mode: retryPolicy.mode)
                error.retryable = reason != nil
                guard let reason, item.attempt < retryPolicy.maxAttempts else { throw error }
                if let quota = retryPolicy.quota {
                    let cost = reason == .timeout ? RetryQuota.timeoutRetryCost : RetryQuota.retryCost
                    guard quota.acquire(cost) else { throw error }
                    retryCosts[item.index] = cost
                }
                debugLog?.note("retrying part after \(error.code) (attempt \(item.attempt + 1))")
                delay = max(delay, retryPolicy.delay(afterAttempt: item.attempt))
                progress.reset(item.index)
                retries.append((item.index, item.attempt + 1))
            }
            if !retries.isEmpty {
                try pause(delay)
                queue.insert(contentsOf: retries, at: 0)
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
        var request = try unsignedRequest(operation, call.input, endpoint: endpoint)
        if let body = call.body { request.body = body }
        let signed = try sign(request, operation: operation, endpoint: endpoint)
        let options = TransferOptions(
            connectTimeout: connectTimeout, readTimeout: readTimeout, caBundle: caBundle,
            progress: { moved in
                progress.update(index, bytes: uploading ? moved.bytesSent : moved.bytesReceived)
            },
            isCancelled: isCancelled)
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
