/// Something that sends a batch of HTTP requests at once and returns each outcome in order;
/// `CurlMultiTransport` is the real one, tests use fakes.
public protocol ParallelTransport: AnyObject {
    func sendAll(_ transfers: [(request: HTTPRequest, options: TransferOptions)]) -> [Result<HTTPResponse, AWSError>]
}

extension CurlMultiTransport: ParallelTransport {}
