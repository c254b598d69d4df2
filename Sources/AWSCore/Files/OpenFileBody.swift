#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HTTPRequest.Body {
    /// The rest of a file the caller holds open, from `position` to its end, streamed from the
    /// file the descriptor names (found through the system, then checked to be the same file).
    /// Not a regular file (a pipe has no length), a file with no name left (deleted), or a
    /// position past the end is a `ValidationError` naming `member`.
    public static func restOfOpenFile(descriptor: Int32, position: Int64, member: String) throws -> HTTPRequest.Body {
        func invalid(_ reason: String) -> AWSError {
            AWSError(code: "ValidationError", message: "\(member): \(reason)")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw invalid("the open file cannot be read: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw invalid(
                "the open file is not a regular file (a pipe or a terminal has no length); give its content "
                    + "as a string (f:read(\"a\")) instead")
        }
        guard let path = pathOf(descriptor) else {
            throw invalid("the open file has no name in the file system any more (was it deleted?)")
        }
        var named = stat()
        guard stat(path, &named) == 0, named.st_dev == info.st_dev, named.st_ino == info.st_ino else {
            throw invalid("the open file is no longer at \(path) (was it moved or deleted?)")
        }
        let size = Int64(info.st_size)
        guard position <= size else {
            throw invalid("the open file's position \(position) is past its end (\(size) bytes)")
        }
        let length = UInt64(size - position)
        return length == 0 ? .none : .file(path: path, offset: UInt64(position), length: length)
    }

    /// The path of the file open on `descriptor`, as the system knows it.
    private static func pathOf(_ descriptor: Int32) -> String? {
        #if canImport(Darwin)
            var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
            guard fcntl(descriptor, F_GETPATH, &buffer) != -1 else { return nil }
            return String(cString: buffer)
        #else
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    readlink("/proc/self/fd/\(descriptor)", $0, bytes.count - 1)
                }
            }
            guard count > 0 else { return nil }
            let path = String(decoding: buffer[..<count], as: UTF8.self)
            return path.hasPrefix("/") ? path : nil
        #endif
    }
}
