import Crypto
import FoundationEssentials

extension SigV4Signer {
    /// The hash of an empty payload.
    public static let emptyPayloadSHA256 =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// The payload hash S3 accepts in place of the body's hash.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Lower-case hex SHA-256 of a body. A file body is read in 1 MiB chunks from its offset,
    /// so large uploads are hashed without being loaded into memory.
    public static func sha256Hex(of body: HTTPRequest.Body) throws -> String {
        switch body {
        case .none:
            return emptyPayloadSHA256
        case .bytes(let bytes):
            var hasher = SHA256()
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            return hex(hasher.finalize())
        case .file(let path, let offset, let length):
            return try sha256Hex(ofFile: path, offset: offset, length: length)
        }
    }

    private static func sha256Hex(ofFile path: String, offset: UInt64, length: UInt64) throws -> String {
        var hasher = SHA256()
        try FileRegionChunks.read(path, offset: offset, length: length, purpose: "hash") {
            hasher.update(bufferPointer: $0)
        }
        return hex(hasher.finalize())
    }

    /// Lower-case hex SHA-256 of a text's UTF-8 bytes (the canonical request).
    static func sha256Hex(of text: String) -> String {
        var text = text
        var hasher = SHA256()
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hex(hasher.finalize())
    }

    /// Lower-case hex of a digest, signature or other bytes, written in place: each request
    /// writes three (payload hash, canonical request hash, signature).
    static func hex(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { out in
                for (index, byte) in raw.enumerated() {
                    out[2 * index] = hexDigit(byte >> 4)
                    out[2 * index + 1] = hexDigit(byte & 0x0F)
                }
                return raw.count * 2
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
