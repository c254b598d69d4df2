import Crypto

/// SigV4a's signing key: an ECDSA P-256 key derived from the access key pair (NIST SP 800-108
/// HMAC-SHA256 counter-mode KDF, as the AWS SDKs derive it), so one signature is valid in
/// every region of a region set.
enum SigV4aKey {
    static let algorithm = "AWS4-ECDSA-P256-SHA256"

    /// The order of P-256 minus two, big-endian: a derived candidate must not exceed it.
    private static let orderMinusTwo: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x4F,
    ]

    /// The private key for `accessKeyID` and `secretAccessKey`.
    static func privateKey(accessKeyID: String, secretAccessKey: String) throws -> P256.Signing.PrivateKey {
        let secret = SymmetricKey(data: Array("AWS4A\(secretAccessKey)".utf8))
        for counter in UInt8(1)...254 {
            let fixedInput: [UInt8] =
                [0, 0, 0, 1] + Array(algorithm.utf8) + [0] + Array(accessKeyID.utf8) + [counter] + [0, 0, 1, 0]
            var candidate = Array(HMAC<SHA256>.authenticationCode(for: fixedInput, using: secret))
            guard notGreater(candidate, than: orderMinusTwo) else { continue }
            addOne(&candidate)
            return try P256.Signing.PrivateKey(rawRepresentation: candidate)
        }
        throw AWSError(code: "SigningFailed", message: "no SigV4a key could be derived from these credentials")
    }

    /// `lhs <= rhs` for big-endian numbers of the same length, looking at every byte.
    private static func notGreater(_ lhs: [UInt8], than rhs: [UInt8]) -> Bool {
        var decided = 0
        var greater = 0
        for (left, right) in zip(lhs, rhs) {
            let differs = left != right ? 1 : 0
            greater |= (left > right ? 1 : 0) & differs & ~decided
            decided |= differs
        }
        return greater == 0
    }

    private static func addOne(_ number: inout [UInt8]) {
        var carry: UInt16 = 1
        for index in number.indices.reversed() {
            let sum = UInt16(number[index]) + carry
            number[index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
    }
}
