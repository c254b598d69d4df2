/// One call of `CallScheduler`: the operation, its checked input, and where it goes.
struct ScheduledCall {
    let client: AWSClient
    let operation: OperationModel
    let input: JSONValue
    let endpoint: ServiceEndpoint
    let request: HTTPRequest
    var attempt = 1
    var lastRetryCost: Int?
    /// Where a successful answer's body goes as it arrives (a part of a download), not memory.
    var region: DownloadRegion?
    /// Told of the bytes each attempt moves (a part of a transfer).
    var progress: ((TransferProgress) -> Void)?
}

/// What became of one attempt of a scheduled call.
enum ScheduledOutcome {
    case answer(CallAnswer)
    case failure(AWSError)
    case retry(after: Double)
}

extension AWSClient {
    /// `operationName` with `input`, checked and serialized but not signed: a bad parameter
    /// throws here, before anything is sent.
    /// `body` goes in place of the input's payload (a region of a file for UploadPart).
    func scheduledCall(_ operationName: String, _ input: JSONValue, body: HTTPRequest.Body? = nil) throws
        -> ScheduledCall
    {
        let operation = try self.operation(operationName)
        let prepared = try prepareInput(operation, input)
        let bucket = isS3 ? prepared["Bucket"]?.stringValue : nil
        let endpoint = try endpoint(for: operation, prepared, region: bucket.flatMap { bucketRegions[$0] })
        let request = try unsignedRequest(operation, prepared, endpoint: endpoint, body: body)
        return ScheduledCall(
            client: self, operation: operation, input: prepared, endpoint: endpoint, request: request)
    }

    /// The call's request signed now (fresh credentials and date), with the client's limits.
    func signedAttempt(_ call: ScheduledCall) throws -> (request: HTTPRequest, options: TransferOptions) {
        let signed = try sign(call.request, operation: call.operation, endpoint: call.endpoint)
        var options = TransferOptions(
            connectTimeout: connectTimeout, readTimeout: readTimeout, caBundle: caBundle, progress: call.progress,
            isCancelled: isCancelled)
        options.responseBodyRegion = call.region
        options.responseChecksumAlgorithms = responseChecksumAlgorithms(call.operation, call.input)
        return (signed, options)
    }

    /// The successful answer in `result` (read later by whoever takes it), the error to raise,
    /// or how long to wait before the next attempt, as the client's retry policy decides (the
    /// same attempts and quota as `call`).
    func outcome(of result: Result<HTTPResponse, AWSError>, for call: inout ScheduledCall) -> ScheduledOutcome {
        var error: AWSError
        switch result {
        case .success(let response):
            if var failure = wireProtocol.error(in: response, for: call.operation) {
                if failure.status == nil { failure.status = response.status }
                error = failure
            } else {
                retryPolicy.recordSuccess(lastRetryCost: call.lastRetryCost)
                return .answer(
                    CallAnswer(client: self, operation: call.operation, response: response, attempts: call.attempt))
            }
        case .failure(let failure):
            error = failure
        }
        error.service = serviceName
        error.operation = call.operation.name
        if error.code != "Cancelled", let next = retryPolicy.retry(after: &error, attempt: call.attempt) {
            call.lastRetryCost = next.cost ?? call.lastRetryCost
            debugLog?.note("retrying after \(error.code) in \(Int(next.delay * 1000)) ms (attempt \(call.attempt + 1))")
            call.attempt += 1
            return .retry(after: next.delay)
        }
        error.attempts = call.attempt
        return .failure(error)
    }
}
