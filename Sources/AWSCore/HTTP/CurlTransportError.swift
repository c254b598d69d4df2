import CCurl
import CCurlShims

extension AWSError {
    /// Turns a failed curl transfer into an error naming what happened and where.
    ///
    /// `connected` tells a time-out while connecting (`ConnectTimeout`) from one while waiting
    /// for data (`ReadTimeout`). An answer that is not HTTP (garbage on a kept-alive
    /// connection, which curl reports as an unsupported protocol or a weird reply) is a
    /// `ConnectionError`, as botocore counts it; `InvalidURL` is kept for URLs curl cannot use.
    static func curl(_ code: CURLcode, detail: String, request: HTTPRequest, connected: Bool)
        -> AWSError
    {
        let name: String
        var text = detail.isEmpty ? String(cString: gs_curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL where isHTTP(request.url), CURLE_WEIRD_SERVER_REPLY:
            name = "ConnectionError"
            text = "the server's answer is not HTTP: " + text
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
        let retryable = ["ConnectionError", "ReadTimeout", "ConnectTimeout", "TruncatedBody"].contains(
            name)
        return AWSError(
            code: name,
            message: "\(request.summary): \(text) (curl error \(code.rawValue))",
            retryable: retryable)
    }

    /// Whether `url` is one curl speaks (http or https), so an unsupported protocol is the answer's.
    private static func isHTTP(_ url: String) -> Bool {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        return scheme == "http" || scheme == "https"
    }
}
