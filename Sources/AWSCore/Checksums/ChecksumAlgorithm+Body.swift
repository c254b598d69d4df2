extension ChecksumAlgorithm {
    /// The base64 checksum of a request body; a file body is read in 1 MiB chunks from its
    /// offset, so large uploads are not loaded into memory.
    public func base64(of body: HTTPRequest.Body) throws -> String {
        var hasher = makeHasher()
        switch body {
        case .none: break
        case .bytes(let bytes): hasher.update(bytes)
        case .file(let path, let offset, let length):
            try FileRegionChunks.read(path, offset: offset, length: length, purpose: "checksum") { hasher.update($0) }
        }
        return hasher.base64()
    }
}
