/// Something that sends one HTTP request and returns its response; `CurlTransport` is the real one.
///
/// A non-2xx status is a response, not an error: errors thrown are `AWSError`s about the
/// transport itself (`ConnectionError`, `ConnectTimeout`, `ReadTimeout`, `TruncatedBody`, ...).
public protocol HTTPTransport: AnyObject {
    func send(_ request: HTTPRequest, options: TransferOptions) throws -> HTTPResponse
}

extension HTTPTransport {
    /// Sends `request` with the default time limits, the body into memory.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        try send(request, options: TransferOptions())
    }
}
