import Crypto

/// The flexible checksums S3 and other services take (`httpChecksum` in the models): what a
/// script names in `ChecksumAlgorithm`, the header it travels in, and how it is computed.
public enum ChecksumAlgorithm: String, CaseIterable, Sendable {
    case crc32 = "CRC32"
    case crc32c = "CRC32C"
    case crc64nvme = "CRC64NVME"
    case sha1 = "SHA1"
    case sha256 = "SHA256"

    /// The algorithm botocore uses when the model asks for a checksum and the script named none.
    public static let defaultAlgorithm = ChecksumAlgorithm.crc32

    /// Response checksums in the order botocore prefers them when a response carries several.
    public static let responsePriority: [ChecksumAlgorithm] = [.crc64nvme, .crc32c, .crc32, .sha1, .sha256]

    /// The algorithm named `name` (any case), or nil when gluescript cannot compute it.
    public init?(named name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// `x-amz-checksum-crc32`: the header (and trailer) carrying this checksum.
    public var headerName: String { "x-amz-checksum-" + rawValue.lowercased() }

    /// `ChecksumCRC32`: the member of S3's inputs and outputs carrying this checksum.
    public var memberName: String { "Checksum" + rawValue }

    /// A fresh running checksum.
    public func makeHasher() -> ChecksumHasher {
        switch self {
        case .crc32: return ChecksumHasher(.crc32(CRC32(.crc32)))
        case .crc32c: return ChecksumHasher(.crc32(CRC32(.crc32c)))
        case .crc64nvme: return ChecksumHasher(.crc64(CRC64NVME()))
        case .sha1: return ChecksumHasher(.sha1(Insecure.SHA1()))
        case .sha256: return ChecksumHasher(.sha256(SHA256()))
        }
    }

    /// The checksum of `bytes`, base64 as it is sent.
    public func base64(of bytes: [UInt8]) -> String {
        var hasher = makeHasher()
        hasher.update(bytes)
        return hasher.base64()
    }
}

/// A checksum being computed over bytes that arrive in pieces.
public struct ChecksumHasher {
    enum State {
        case crc32(CRC32)
        case crc64(CRC64NVME)
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
    }

    private var state: State

    init(_ state: State) { self.state = state }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .crc32(var crc):
            crc.update(bytes)
            state = .crc32(crc)
        case .crc64(var crc):
            crc.update(bytes)
            state = .crc64(crc)
        case .sha1(var hash):
            hash.update(bufferPointer: bytes)
            state = .sha1(hash)
        case .sha256(var hash):
            hash.update(bufferPointer: bytes)
            state = .sha256(hash)
        }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The checksum's bytes, big-endian for the CRCs, as AWS encodes them.
    public func digest() -> [UInt8] {
        switch state {
        case .crc32(let crc): return crc.bigEndianBytes
        case .crc64(let crc): return crc.bigEndianBytes
        case .sha1(let hash): return Array(hash.finalize())
        case .sha256(let hash): return Array(hash.finalize())
        }
    }

    /// The checksum in base64, as it travels in headers and members.
    public func base64() -> String { Base64.encode(digest()) }
}
