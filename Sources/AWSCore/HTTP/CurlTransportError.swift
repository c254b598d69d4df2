import CCurl

extension AWSError {
    /// Turns a failed curl transfer into an error naming what happened and where.
    ///
    /// `connected` tells a time-out while connecting (`ConnectTimeout`) from one while waiting
    /// for data (`ReadTimeout`).
    static func curl(_ code: CURLcode, detail: String, request: HTTPRequest, connected: Bool)
        -> AWSError
    {
        let name: String
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            name = connected ? "ReadTimeout" : "ConnectTimeout"
        case CURLE_PARTIAL_FILE:
            name = "TruncatedBody"
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            name = "InvalidURL"
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            name = "TLSError"
        case CURLE_ABORTED_BY_CALLBACK:
            name = "Cancelled"
        default:
            name = "ConnectionError"
        }
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let retryable = ["ConnectionError", "ReadTimeout", "ConnectTimeout", "TruncatedBody"].contains(
            name)
        return AWSError(
            code: name,
            message: "\(request.method) \(Redaction.url(request.url)): \(text) (curl error \(code.rawValue))",
            retryable: retryable)
    }
}
