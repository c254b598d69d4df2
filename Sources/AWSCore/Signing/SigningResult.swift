/// What signing produced: the request ready to send, and the intermediate texts AWS compares
/// against when it answers `SignatureDoesNotMatch` (useful for `--debug` and for tests).
public struct SigningResult: Sendable {
    /// The signed request: with `Authorization` and `X-Amz-*` headers, or, when presigned,
    /// with the `X-Amz-*` query parameters in its URL.
    public var request: HTTPRequest
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-case hex HMAC-SHA256 signature.
    public var signature: String
    /// The signed header names, lower-case, sorted, joined by `;`.
    public var signedHeaders: String
    /// The payload hash that was signed: a hex SHA-256 or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    public init(
        request: HTTPRequest, canonicalRequest: String, stringToSign: String, signature: String,
        signedHeaders: String, payloadHash: String
    ) {
        self.request = request
        self.canonicalRequest = canonicalRequest
        self.stringToSign = stringToSign
        self.signature = signature
        self.signedHeaders = signedHeaders
        self.payloadHash = payloadHash
    }
}
