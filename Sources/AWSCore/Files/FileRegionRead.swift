#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One read of a request body's file region, shared by hashing (`FileRegionChunks`) and
/// sending (`RequestBodySource`), so both give the same errors for the same trouble.
enum FileRegionRead {
    /// Reads up to `count` bytes of the file open on `descriptor` at `position` into `buffer`
    /// and returns how many (at least one), retrying when a signal interrupts the read.
    /// `done` of the region's `length` bytes have been read before. A file that ends first is
    /// `FileChanged`; a failed read is `FileNotReadable` with the system's reason.
    static func pread(
        _ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at position: UInt64, path: String,
        length: UInt64, done: UInt64
    ) throws -> Int {
        while true {
            #if canImport(Glibc)
                let read = Glibc.pread(descriptor, buffer, count, off_t(position))
            #else
                let read = Darwin.pread(descriptor, buffer, count, off_t(position))
            #endif
            if read > 0 { return read }
            if read == 0 {
                throw AWSError(
                    code: "FileChanged",
                    message: "\(path) ended \(length - done) bytes before the \(length) bytes to be sent "
                        + "(was it changed during the upload?)")
            }
            if errno == EINTR { continue }
            throw AWSError(code: "FileNotReadable", message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
    }
}
