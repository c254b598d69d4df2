#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Local files for transfers and downloads: checks made before anything is sent (so a wrong
/// path is a clear error naming it rather than a failure half-way), temporary files beside a
/// target.
enum LocalFile {
    /// The size of the regular file at `path`, which must be readable.
    /// Codes: `FileNotFound`, `IsADirectory`, `NotAFile`, `FileNotReadable`.
    static func readableSize(_ path: String) throws -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR {
                throw AWSError(code: "FileNotFound", message: "\(path): no such file")
            }
            throw AWSError(code: "FileNotReadable", message: "\(path): \(String(cString: strerror(reason)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw AWSError(code: "IsADirectory", message: "\(path) is a directory, not a file")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw AWSError(code: "NotAFile", message: "\(path) is not a regular file")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw AWSError(
                code: "FileNotReadable", message: "\(path) cannot be read: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        return Int64(info.st_size)
    }

    /// Checks that a file can be written at `path`: its folder exists and `path` is no folder.
    /// Codes: `DirectoryNotFound`, `IsADirectory`, `FileNotWritable`.
    static func checkWritable(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw AWSError(code: "IsADirectory", message: "\(path) is a directory; give a file path to download to")
        }
        let folder = folderOf(path)
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw AWSError(code: "DirectoryNotFound", message: "\(path): the folder \(folder) does not exist")
        }
        guard access(folder, W_OK) == 0 else {
            throw AWSError(code: "FileNotWritable", message: "\(path): the folder \(folder) is not writable")
        }
    }

    /// The folder part of `path` (`.` when there is none).
    static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// A new empty file beside `path` (`path.gluescript-XXXXXX`), open for writing.
    static func temporaryBeside(_ path: String) throws -> (path: String, descriptor: Int32) {
        var template = Array((path + ".gluescript-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw AWSError(
                code: "FileNotWritable",
                message: "cannot create a file beside \(path): \(String(cString: strerror(errno)))")
        }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        return (String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), descriptor)
    }
}
