#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a download goes, decided before anything is sent. A regular file (or a new one) is
/// replaced whole through a temporary file beside it; a device, pipe or socket is written in
/// place, in order, as s3transfer does; a symbolic link is followed to the file it names, so
/// that file is written and the link stays; a folder is an error.
struct DownloadTarget {
    enum Kind {
        /// A regular file or none yet: written through a temporary file renamed onto it.
        case regularFile
        /// A character or block device, a FIFO or a socket: written in place, in order.
        case special
    }

    /// The path as the user gave it, for messages.
    let path: String
    /// The file that is written: `path` with every symbolic link followed (a device or pipe is
    /// opened through `path` itself, as the kernel follows its links).
    let resolvedPath: String
    let kind: Kind

    /// Looks at `path`. Codes: `IsADirectory`, `DirectoryNotFound`, `FileNotWritable`.
    init(_ path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            kind = .regularFile
            resolvedPath = try Self.followingLinks(path)
            try LocalFile.checkWritable(resolvedPath)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw AWSError(
                code: "IsADirectory", message: "\(path) is a directory; give a file path to download to")
        case S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK:
            kind = .special
            resolvedPath = path
        default:
            kind = .regularFile
            resolvedPath = Self.realPath(path) ?? path
            try LocalFile.checkWritable(resolvedPath)
        }
    }

    /// Opens the target for writing: a new temporary file beside a regular file, or the special
    /// file itself (for a FIFO this waits for a reader; an interrupt ends the wait with an error).
    func openForWriting() throws -> DownloadFile {
        switch kind {
        case .regularFile:
            let temporary = try LocalFile.temporaryBeside(resolvedPath)
            return DownloadFile(target: self, descriptor: temporary.descriptor, temporaryPath: temporary.path)
        case .special:
            let descriptor = open(resolvedPath, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw AWSError(
                    code: "FileNotWritable", message: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            return DownloadFile(target: self, descriptor: descriptor, temporaryPath: nil)
        }
    }

    /// The absolute path of the existing file at `path`, links followed.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` with symbolic links followed (up to 40, as the kernel allows), for a link to a
    /// file that does not exist yet.
    private static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                    readlink(current, $0, Int(PATH_MAX))
                }
            }
            guard count >= 0 else {
                throw AWSError(
                    code: "FileNotWritable",
                    message: "\(path): cannot read the link \(current): "
                        + String(cString: strerror(errno)))
            }
            let link = String(decoding: buffer[..<count], as: UTF8.self)
            current = link.hasPrefix("/") ? link : LocalFile.folderOf(current) + "/" + link
        }
        throw AWSError(code: "FileNotWritable", message: "\(path): too many levels of symbolic links")
    }
}
