#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a request body's file region (`HTTPRequest.Body.file`) in 1 MiB chunks from its
/// offset, so large uploads are hashed or checksummed without being loaded into memory.
enum FileRegionChunks {
    /// Calls `body` with each chunk of `length` bytes of `path` from `offset`. Errors name the
    /// file and `purpose` ("hash", "checksum"): `FileNotReadable`, or `FileChanged` when the file
    /// ends before `length` bytes.
    static func read(
        _ path: String, offset: UInt64, length: UInt64, purpose: String, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw AWSError(code: "FileNotReadable", message: "cannot open \(path) to \(purpose) the request body")
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: Int(min(length, 1 << 20)))
        var position = offset
        var remaining = length
        while remaining > 0 {
            let wanted = Int(min(remaining, UInt64(buffer.count)))
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(position)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AWSError(
                    code: "FileNotReadable",
                    message: "cannot read \(path) to \(purpose) the request body: \(String(cString: strerror(errno)))")
            }
            guard count > 0 else {
                throw AWSError(
                    code: "FileChanged",
                    message: "\(path) ended \(remaining) bytes before the \(length) bytes to be sent")
            }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            position += UInt64(count)
            remaining -= UInt64(count)
        }
    }
}
