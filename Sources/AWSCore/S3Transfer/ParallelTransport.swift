/// Something that keeps several HTTP requests in flight at once: requests are started one by
/// one and their outcomes collected as they finish, so a caller can start the next request
/// the moment one ends. `CurlMultiTransport` is the real one, tests use fakes.
public protocol ParallelTransport: AnyObject {
    /// Starts sending `request`; its outcome comes back from `waitForFinished` under `tag`.
    func start(_ request: HTTPRequest, options: TransferOptions, tag: Int)

    /// Moves the started requests along until at least one finishes or `timeout` seconds pass;
    /// returns the outcomes of those that finished (none after a time-out).
    func waitForFinished(timeout: Double) -> [(tag: Int, result: Result<HTTPResponse, AWSError>)]

    /// Stops every request still in flight and forgets it.
    func cancelAll()

    /// Stops the request started under `tag` if it is still in flight (its connection is
    /// closed) and forgets it.
    func cancel(tag: Int)
}

extension CurlMultiTransport: ParallelTransport {}
