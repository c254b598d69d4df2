import Crypto

extension ChecksumAlgorithm {
    /// The base64 checksum and the lower-case hex SHA-256 (SigV4's payload hash) of a request
    /// body in one pass, so a file body that needs both is read once for them, not twice.
    public func base64AndSHA256Hex(of body: HTTPRequest.Body) throws -> (checksum: String, sha256: String) {
        guard case .file(let path, let offset, let length) = body else {
            return (try base64(of: body), try SigV4Signer.sha256Hex(of: body))
        }
        var checksum = makeHasher()
        var sha256 = SHA256()
        try FileRegionChunks.read(path, offset: offset, length: length, purpose: "checksum") {
            checksum.update($0)
            sha256.update(bufferPointer: $0)
        }
        return (checksum.base64(), SigV4Signer.hex(sha256.finalize()))
    }
}
