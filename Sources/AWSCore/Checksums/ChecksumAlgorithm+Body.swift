import Foundation

extension ChecksumAlgorithm {
    /// The base64 checksum of a request body; a file body is read in 1 MiB chunks from its
    /// offset, so large uploads are not loaded into memory.
    public func base64(of body: HTTPRequest.Body) throws -> String {
        var hasher = makeHasher()
        switch body {
        case .none: break
        case .bytes(let bytes): hasher.update(bytes)
        case .file(let path, let offset, let length):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw AWSError(code: "FileNotReadable", message: "cannot open \(path) to checksum the request body")
            }
            defer { try? handle.close() }
            var remaining = length
            do {
                try handle.seek(toOffset: offset)
                while remaining > 0 {
                    let chunk = try handle.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
                    guard !chunk.isEmpty else {
                        throw AWSError(
                            code: "FileChanged",
                            message: "\(path) ended \(remaining) bytes before the \(length) bytes to be sent")
                    }
                    chunk.withUnsafeBytes { hasher.update($0) }
                    remaining -= UInt64(chunk.count)
                }
            } catch let error as AWSError {
                throw error
            } catch {
                throw AWSError(
                    code: "FileNotReadable", message: "cannot read \(path) to checksum the request body: \(error)")
            }
        }
        return hasher.base64()
    }
}
