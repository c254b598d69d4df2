extension CurlTransport: CredentialHTTPClient {
    /// Fetches from a credential endpoint (container, instance metadata) with one time-out
    /// for connecting and reading.
    public func send(_ request: HTTPRequest, timeout: Double) throws -> HTTPResponse {
        try send(request, options: TransferOptions(connectTimeout: timeout, readTimeout: timeout))
    }
}
