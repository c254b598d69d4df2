#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Receives a response body: into memory, or into a temporary file beside the target path that
/// is renamed onto it only once the whole body has arrived. When asked to, it checks the body
/// against the flexible checksum the response carries (see `ResponseChecksum`), and a body
/// that does not match is an error that leaves no file behind.
final class ResponseBodySink {
    private(set) var bytes: [UInt8] = []
    private let targetPath: String?
    private var temporaryPath: String?
    private var descriptor: Int32 = -1
    private let checksumAlgorithms: [ChecksumAlgorithm]
    private var checksum: ResponseChecksum?
    /// What went wrong writing the file, if anything.
    private(set) var failure: AWSError?

    /// `checksumAlgorithms`: those a 2xx response may be checked with, in order of preference.
    init(targetPath: String?, checksumAlgorithms: [ChecksumAlgorithm] = []) {
        self.targetPath = targetPath
        self.checksumAlgorithms = checksumAlgorithms
    }

    deinit { discard() }

    /// Whether the body is going to a file.
    var isWritingFile: Bool { descriptor >= 0 }

    /// Chooses where the body goes once the status is known: 2xx bodies go to the target file
    /// when there is one, anything else stays in memory so the error can be read.
    func begin(status: Int, headers: [(name: String, value: String)] = []) -> Bool {
        if (200..<300).contains(status), status != 206, checksum == nil {
            checksum = ResponseChecksum(headers: headers, algorithms: checksumAlgorithms)
        }
        guard let targetPath, (200..<300).contains(status), descriptor < 0 else { return true }
        do {
            (temporaryPath, descriptor) = try LocalFile.temporaryBeside(targetPath)
        } catch var error as AWSError {
            error.code = "ResponseFileError"
            failure = error
            return false
        } catch {
            return false
        }
        return true
    }

    /// Appends a piece of the body; false if the file could not be written.
    func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        checksum?.update(piece)
        guard descriptor >= 0 else {
            bytes.append(contentsOf: piece)
            return true
        }
        var written = 0
        while written < piece.count {
            guard let base = piece.baseAddress else { return true }
            let count = write(descriptor, base + written, piece.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                failure = AWSError(
                    code: "ResponseFileError",
                    message: "cannot write \(targetPath ?? ""): \(String(cString: strerror(errno)))")
                return false
            }
            written += count
        }
        return true
    }

    /// Moves a finished file into place; returns the error if that failed.
    func commit() -> AWSError? {
        if let mismatch = checksum?.mismatch(location: targetPath) {
            discard()
            return mismatch
        }
        guard descriptor >= 0, let temporaryPath, let targetPath else { return nil }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 || rename(temporaryPath, targetPath) != 0 {
            let error = AWSError(
                code: "ResponseFileError",
                message:
                    "cannot move the downloaded body to \(targetPath): \(String(cString: strerror(errno)))")
            unlink(temporaryPath)
            self.temporaryPath = nil
            return error
        }
        self.temporaryPath = nil
        return nil
    }

    /// Removes an unfinished file.
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if let temporaryPath {
            unlink(temporaryPath)
            self.temporaryPath = nil
        }
    }
}
