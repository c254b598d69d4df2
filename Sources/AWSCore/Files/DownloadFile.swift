#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A download being written: a temporary file that `commit` renames onto the target once its
/// size is checked, or a device, pipe or socket written in place. Until `commit` succeeds the
/// target is untouched (in place, whatever was written stays written); `discard` (or the end
/// of the object) removes the temporary file and nothing else.
final class DownloadFile {
    let target: DownloadTarget
    let descriptor: Int32
    /// The temporary file, nil when the target is written in place.
    let temporaryPath: String?
    private var isOpen = true
    /// Whether the temporary file is still there to be removed.
    private var temporaryRemains: Bool

    init(target: DownloadTarget, descriptor: Int32, temporaryPath: String?) {
        self.target = target
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        temporaryRemains = temporaryPath != nil
    }

    deinit { discard() }

    /// Whether bytes go straight to the target, in order, with no way to take them back.
    var isInPlace: Bool { temporaryPath == nil }

    /// Writes `piece` at `offset` of the temporary file, or after the bytes already written
    /// when the target is written in place (`offset` is then not used). Code: `FileNotWritable`.
    func write(_ piece: UnsafeRawBufferPointer, at offset: Int64) throws {
        var written = 0
        while written < piece.count {
            guard let base = piece.baseAddress else { return }
            let count =
                isInPlace
                ? writeInOrder(descriptor, base + written, piece.count - written)
                : pwrite(descriptor, base + written, piece.count - written, off_t(offset) + off_t(written))
            if count < 0 {
                if errno == EINTR { continue }
                throw AWSError(
                    code: "FileNotWritable",
                    message: "cannot write \(target.path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    /// Ends the download: the temporary file, checked to hold `expectedSize` bytes when that is
    /// given, replaces the target. On error the temporary file is removed and the target left
    /// as it was. Codes: `IncompleteDownload`, `FileNotWritable`.
    func commit(expectedSize: Int64? = nil) throws {
        guard isOpen else { return }
        defer { discard() }
        guard let temporaryPath else { return }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw AWSError(
                code: "FileNotWritable", message: "cannot check \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        if let expectedSize, Int64(info.st_size) != expectedSize {
            throw AWSError(
                code: "IncompleteDownload",
                message: "\(info.st_size) of \(expectedSize) bytes arrived; \(target.path) was left as it was")
        }
        isOpen = false
        guard close(descriptor) == 0 else {
            throw AWSError(
                code: "FileNotWritable", message: "cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporaryPath, target.resolvedPath) == 0 else {
            throw AWSError(
                code: "FileNotWritable",
                message: "cannot move the download onto \(target.path): \(String(cString: strerror(errno)))")
        }
        temporaryRemains = false
    }

    /// Closes the file and removes the temporary file unless it was committed.
    func discard() {
        if isOpen {
            close(descriptor)
            isOpen = false
        }
        if let temporaryPath, temporaryRemains {
            unlink(temporaryPath)
            temporaryRemains = false
        }
    }
}

/// `write(2)`, named apart from `DownloadFile.write`.
private func writeInOrder(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
