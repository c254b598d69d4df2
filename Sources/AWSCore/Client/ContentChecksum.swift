import Crypto

/// Body checksums some operations require (`httpChecksumRequired`: DeleteObjects,
/// PutBucketPolicy, ...).
enum ContentChecksum {
    /// `Content-MD5`: the base64 of the body's MD5.
    static func md5Base64(_ body: [UInt8]) -> String {
        Base64.encode(Array(Insecure.MD5.hash(data: body)))
    }
}
