#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a request body's file region (`HTTPRequest.Body.file`) in blocks of `blockSize`
/// from its offset, so large uploads are hashed or checksummed without being loaded into
/// memory, in few system calls (one `pread` per block, where a `FileHandle` read 4 KiB at a time).
enum FileRegionChunks {
    /// Bytes read from the file at a time; one such buffer is held while a region is read.
    static let blockSize = 1 << 20

    /// Calls `body` with each block of `length` bytes of `path` from `offset` (the last one
    /// shorter). Errors name the file and `purpose` ("hash", "checksum"): `FileNotReadable`, or
    /// `FileChanged` when the file ends before `length` bytes.
    static func read(
        _ path: String, offset: UInt64, length: UInt64, purpose: String, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw AWSError(
                code: "FileNotReadable",
                message: "cannot open \(path) to \(purpose) the request body: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Int(min(length, UInt64(blockSize))), alignment: 16)
        defer { buffer.deallocate() }
        var done: UInt64 = 0
        while done < length {
            let count = try FileRegionRead.pread(
                descriptor, into: buffer.baseAddress!, count: Int(min(length - done, UInt64(buffer.count))),
                at: offset + done, path: path, length: length, done: done)
            body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            done += UInt64(count)
        }
    }
}
