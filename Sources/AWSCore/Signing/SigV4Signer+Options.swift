extension SigV4Signer {
    /// How a service wants its requests signed. `Options()` fits every service but S3; `.s3` fits S3.
    public struct Options: Sendable, Equatable {
        /// Resolve `.`/`..`, collapse `//` and percent-encode the path once more before signing.
        /// S3 signs the path exactly as sent, so its keys keep `//` and `..`.
        public var normalizePath: Bool
        /// Send the payload hash as an `x-amz-content-sha256` header (S3 requires it).
        public var signBody: Bool
        /// Sign `UNSIGNED-PAYLOAD` instead of the body's hash (S3 over https only).
        public var unsignedPayload: Bool
        /// Sign `UNSIGNED-PAYLOAD` in presigned URLs (S3 does; other services sign the body's hash).
        public var unsignedPayloadWhenPresigned: Bool
        /// Add the session token after signing instead of signing it (some services, e.g. IoT, want that).
        public var omitSessionToken: Bool

        public init(
            normalizePath: Bool = true, signBody: Bool = false, unsignedPayload: Bool = false,
            unsignedPayloadWhenPresigned: Bool = false, omitSessionToken: Bool = false
        ) {
            self.normalizePath = normalizePath
            self.signBody = signBody
            self.unsignedPayload = unsignedPayload
            self.unsignedPayloadWhenPresigned = unsignedPayloadWhenPresigned
            self.omitSessionToken = omitSessionToken
        }

        /// S3's rules: the path as sent, `x-amz-content-sha256` always, `UNSIGNED-PAYLOAD` in presigned URLs.
        public static let s3 = Options(
            normalizePath: false, signBody: true, unsignedPayloadWhenPresigned: true)

        /// The options for a service, by its signing name (`s3`, `iam`, `glue`, ...).
        public static func forService(_ signingName: String) -> Options {
            signingName == "s3" ? .s3 : Options()
        }
    }
}
