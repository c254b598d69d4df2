/// Makes a call, retrying it as `policy` allows, and returns the first good response with the
/// number of attempts it took.
///
/// `attempt` is given the attempt number (1 for the first) and sends the request afresh (file
/// bodies are read again from their offset); it throws `AWSError`s for transfers that failed.
/// `classify` turns a response into the service's error, or nil when it is a success. The final
/// error, thrown when attempts, quota or patience run out or the error is not retryable, has
/// `attempts` and `retryable` filled in.
public func withRetries(
    _ policy: RetryPolicy,
    _ attempt: (Int) throws -> HTTPResponse,
    classify: (HTTPResponse) -> AWSError?
) throws -> (response: HTTPResponse, attempts: Int) {
    var number = 1
    var lastRetryCost: Int?
    while true {
        var error: AWSError
        if let limiter = policy.rateLimiter { policy.sleep(limiter.delayBeforeSending()) }
        do {
            let response = try attempt(number)
            guard var failure = classify(response) else {
                policy.rateLimiter?.record(throttled: false)
                policy.recordSuccess(lastRetryCost: lastRetryCost)
                return (response, number)
            }
            if failure.status == nil { failure.status = response.status }
            error = failure
        } catch let failure as AWSError {
            error = failure
        }
        policy.rateLimiter?.record(throttled: RetryClassifier.reason(for: error, mode: policy.mode) == .throttling)
        guard let next = policy.retry(after: &error, attempt: number) else { throw error }
        lastRetryCost = next.cost ?? lastRetryCost
        policy.debugLog?.note(
            "retrying after \(error.code) in \(Int(next.delay * 1000)) ms (attempt \(number + 1) of \(policy.maxAttempts))"
        )
        policy.sleep(next.delay)
        number += 1
    }
}
