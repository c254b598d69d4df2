import Crypto
import FoundationEssentials

/// AWS Signature Version 4, with an `Authorization` header or as a presigned URL, as botocore's
/// `SigV4Auth`, `S3SigV4Auth`, `SigV4QueryAuth` and `S3SigV4QueryAuth` do it.
///
/// The request's URL must be percent-encoded as it goes on the wire (build it with `PercentEncoding`).
/// Its path is signed as sent for S3 and normalised and encoded once more for other services.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The longest a presigned URL may live: seven days.
    public static let maximumExpiry = 604_800

    public var credentials: Credentials
    /// The signing region (`us-east-1` for IAM).
    public var region: String
    /// The signing name of the service (`s3`, `iam`, `glue`, `sts`, `execute-api`).
    public var service: String
    public var options: Options
    /// For SigV4a (`AWS4-ECDSA-P256-SHA256`, used by S3 multi-region access points): the
    /// regions the signature is valid in (`*` for all), sent as `X-Amz-Region-Set`; nil for SigV4.
    public var regionSet: String?

    public init(credentials: Credentials, region: String, service: String, options: Options? = nil) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options ?? .forService(service)
    }

    /// Signs `request` in place with `X-Amz-Date`, `Authorization` and, as needed,
    /// `X-Amz-Security-Token` and `X-Amz-Content-SHA256` headers.
    /// `bodySHA256` is the body's hex SHA-256 when the caller already knows it; otherwise the body is hashed.
    @discardableResult
    public func sign(_ request: inout HTTPRequest, date: Date = Date(), bodySHA256: String? = nil)
        throws
        -> SigningResult
    {
        let result = try signed(request, date: date, bodySHA256: bodySHA256)
        request = result.request
        return result
    }

    /// A signed copy of `request`; see `sign(_:date:bodySHA256:)`.
    public func signed(_ request: HTTPRequest, date: Date = Date(), bodySHA256: String? = nil) throws
        -> SigningResult
    {
        let url = try AWSURL(parsing: request.url)
        let time = SigV4Timestamp(date)
        var signedRequest = request
        signedRequest.headers.removeAll { $0.name.equalsIgnoringCase("authorization") }
        signedRequest.setHeader("X-Amz-Date", time.amzDate)
        if let regionSet { signedRequest.setHeader("X-Amz-Region-Set", regionSet) }
        if let token = credentials.sessionToken {
            signedRequest.headers.removeAll { $0.name.equalsIgnoringCase("x-amz-security-token") }
            if !options.omitSessionToken { signedRequest.headers.append(("X-Amz-Security-Token", token)) }
        }

        let payloadHash: String
        if options.signBody || options.unsignedPayload {
            payloadHash =
                try options.unsignedPayload ? Self.unsignedPayload : hashBody(request, bodySHA256)
            signedRequest.setHeader("X-Amz-Content-SHA256", payloadHash)
        } else if let sent = signedRequest.header("x-amz-content-sha256") {
            payloadHash = sent
        } else {
            payloadHash = try hashBody(request, bodySHA256)
        }

        let headers = Self.canonicalHeaders(signedRequest.headers, hostHeader: url.hostHeader)
        let canonicalRequest = String.concatenating([
            request.method.uppercased(), "\n",
            Self.canonicalURI(url.path, normalize: options.normalizePath), "\n",
            Self.canonicalQuery(Self.decodedQueryItems(url)), "\n",
            headers.block, "\n",
            headers.signed, "\n",
            payloadHash,
        ])
        let scope = scope(time)
        let stringToSign = stringToSign(canonicalRequest, time, scope: scope)
        let signature = try signature(of: stringToSign, time)

        let authorization = String.concatenating([
            algorithmName, " Credential=", credentials.accessKeyID, "/", scope, ", SignedHeaders=", headers.signed,
            ", Signature=", signature,
        ])
        signedRequest.headers.append(("Authorization", authorization))
        if options.omitSessionToken, let token = credentials.sessionToken {
            signedRequest.headers.append(("X-Amz-Security-Token", token))
        }
        return SigningResult(
            request: signedRequest, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature, signedHeaders: headers.signed, payloadHash: payloadHash)
    }

    /// A presigned copy of `request`: its URL carries `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
    /// `X-Amz-Expires`, `X-Amz-SignedHeaders`, `X-Amz-Security-Token` and `X-Amz-Signature`; its headers
    /// are unchanged (the signed ones must be sent with it). The URL's existing query is kept, re-encoded.
    public func presign(
        _ request: HTTPRequest, expires: Int, date: Date = Date(), bodySHA256: String? = nil
    ) throws
        -> SigningResult
    {
        guard (1...Self.maximumExpiry).contains(expires) else {
            throw AWSError(
                code: "ValidationError",
                message: "a presigned URL must expire in 1 to \(Self.maximumExpiry) seconds, not \(expires)"
            )
        }
        var url = try AWSURL(parsing: request.url)
        let time = SigV4Timestamp(date)
        let headers = Self.canonicalHeaders(request.headers, hostHeader: url.hostHeader)

        var authParams: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", algorithmName),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(time))"),
            ("X-Amz-Date", time.amzDate),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", headers.signed),
        ]
        if let regionSet { authParams.append(("X-Amz-Region-Set", regionSet)) }
        let token = credentials.sessionToken.map { (name: "X-Amz-Security-Token", value: $0) }
        if let token, !options.omitSessionToken { authParams.append(token) }

        let payloadHash: String
        if options.unsignedPayload || options.unsignedPayloadWhenPresigned {
            payloadHash = Self.unsignedPayload
        } else if bodySHA256 == nil, let sent = request.header("x-amz-content-sha256") {
            payloadHash = sent
        } else {
            payloadHash = try hashBody(request, bodySHA256)
        }

        let queryItems = Self.decodedQueryItems(url)
        let canonicalRequest = [
            request.method.uppercased(),
            Self.canonicalURI(url.path, normalize: options.normalizePath),
            Self.canonicalQuery(queryItems + authParams),
            headers.block,
            headers.signed,
            payloadHash,
        ].joined(separator: "\n")
        let stringToSign = stringToSign(canonicalRequest, time, scope: scope(time))
        let signature = try signature(of: stringToSign, time)

        var sentParams = queryItems + authParams
        if let token, options.omitSessionToken { sentParams.append(token) }
        sentParams.append(("X-Amz-Signature", signature))
        url.query = sentParams.map {
            "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))"
        }
        .joined(separator: "&")
        var signedRequest = request
        signedRequest.url = url.description
        return SigningResult(
            request: signedRequest, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature, signedHeaders: headers.signed, payloadHash: payloadHash)
    }

    /// `DATE/REGION/SERVICE/aws4_request` (SigV4a: `DATE/SERVICE/aws4_request`).
    private func scope(_ time: SigV4Timestamp) -> String {
        regionSet == nil
            ? String.concatenating([time.dateStamp, "/", region, "/", service, "/aws4_request"])
            : String.concatenating([time.dateStamp, "/", service, "/aws4_request"])
    }

    private var algorithmName: String { regionSet == nil ? Self.algorithm : SigV4aKey.algorithm }

    private func hashBody(_ request: HTTPRequest, _ known: String?) throws -> String {
        try known ?? Self.sha256Hex(of: request.body)
    }

    /// The algorithm, date, scope and hash of the canonical request, one per line.
    private func stringToSign(_ canonicalRequest: String, _ time: SigV4Timestamp, scope: String) -> String {
        String.concatenating([
            algorithmName, "\n", time.amzDate, "\n", scope, "\n", Self.sha256Hex(of: canonicalRequest),
        ])
    }

    /// HMAC-SHA256 with the day's derived key; for SigV4a the hex DER ECDSA signature.
    private func signature(of stringToSign: String, _ time: SigV4Timestamp) throws -> String {
        if regionSet != nil {
            let key = try SigV4aKey.privateKey(
                accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey)
            return Self.hex(try key.signature(for: Array(stringToSign.utf8)).derRepresentation)
        }
        var authenticator = SigV4SigningKeys.shared.authenticator(
            secretAccessKey: credentials.secretAccessKey, dateStamp: time.dateStamp, region: region, service: service)
        var text = stringToSign
        text.withUTF8 { authenticator.update(data: UnsafeRawBufferPointer($0)) }
        return Self.hex(authenticator.finalize())
    }
}
