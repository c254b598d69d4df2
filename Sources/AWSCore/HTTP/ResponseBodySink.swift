/// Receives a response body: into memory; into a download target (see `DownloadTarget`:
/// through a temporary file renamed onto it only once the whole body has arrived, or in place
/// for a device or pipe); or into a region of a download already open. When asked to, it checks
/// the body against the flexible checksum the response carries (see `ResponseChecksum`): a body
/// that does not match is an error, and a download through a temporary file then leaves nothing
/// behind. Bytes bound for a file are gathered and written a few hundred KiB at a time (see
/// `WriteGatherer`); the end of the body, or its failure, writes what is held.
final class ResponseBodySink {
    private(set) var bytes: [UInt8] = []
    private let targetPath: String?
    private let region: DownloadRegion?
    private var file: DownloadFile?
    private var gatherer: WriteGatherer?
    private var writesRegion = false
    /// Bytes of the body in `file` (not counting those still gathered in memory).
    private var fileOffset: Int64 = 0
    private let checksumAlgorithms: [ChecksumAlgorithm]
    private var checksum: ResponseChecksum?
    /// What went wrong writing the file, if anything.
    private(set) var failure: AWSError?

    /// Bytes of an error body kept in memory at most when the body was meant for a region:
    /// enough for any S3 error, and a server that sends more cannot fill the memory.
    static let errorBodyLimit = 1 << 20

    /// The most reserved ahead for a body kept in memory, whatever length a server declares.
    static let reservedAtMost: Int64 = 1 << 30

    /// `checksumAlgorithms`: those a 2xx response may be checked with, in order of preference.
    init(targetPath: String?, region: DownloadRegion? = nil, checksumAlgorithms: [ChecksumAlgorithm] = []) {
        self.targetPath = targetPath
        self.region = region
        self.checksumAlgorithms = checksumAlgorithms
    }

    deinit { file?.discard() }

    /// Whether the body is going to a file.
    var isWritingFile: Bool { file != nil || writesRegion }

    /// Bytes already written into a target written in place, which cannot be taken back.
    var wroteInPlace: Bool { file?.isInPlace == true && fileOffset > 0 }

    /// Chooses where the body goes once the status is known: 2xx bodies go to the target file
    /// or region when there is one, anything else stays in memory so the error can be read.
    func begin(
        status: Int, headers: [(name: String, value: String)] = [], declaredLength: Int64? = nil
    ) -> Bool {
        if (200..<300).contains(status), status != 206, checksum == nil {
            checksum = ResponseChecksum(headers: headers, algorithms: checksumAlgorithms)
        }
        guard (200..<300).contains(status), file == nil, !writesRegion else { return true }
        if region == nil, targetPath == nil, let declaredLength, declaredLength > 0 {
            // Room for the whole body at once, so it is not copied as it grows (which would
            // need twice its size for a moment); pages are only used as the body fills them.
            bytes.reserveCapacity(Int(min(declaredLength, Self.reservedAtMost)))
        }
        do {
            if let region {
                try region.begin(declaredLength: declaredLength)
                writesRegion = true
            } else if let targetPath {
                let file = try DownloadTarget(targetPath).openForWriting()
                self.file = file
                gatherer = WriteGatherer(
                    file: file,
                    capacity: Int(min(Int64(WriteGatherer.defaultCapacity), max(1, declaredLength ?? .max))))
            }
        } catch var error as AWSError {
            if region == nil { error.code = "ResponseFileError" }
            failure = error
            return false
        } catch {
            return false
        }
        return true
    }

    /// Appends a piece of the body; false if it could not be written or was not wanted.
    func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        checksum?.update(piece)
        do {
            if writesRegion, let region {
                try region.receive(piece)
            } else if let gatherer {
                fileOffset += Int64(try gatherer.add(piece))
            } else {
                if region != nil, bytes.count + piece.count > Self.errorBodyLimit {
                    throw AWSError(
                        code: "BodyTooLong",
                        message: "an error answer of more than \(Self.errorBodyLimit) bytes was stopped")
                }
                bytes.append(contentsOf: piece)
            }
            return true
        } catch var error as AWSError {
            if region == nil && error.code == "FileNotWritable" { error.code = "ResponseFileError" }
            failure = error
            return false
        } catch {
            return false
        }
    }

    /// Writes what is held and moves a finished file into place; returns the error if that
    /// failed.
    func commit() -> AWSError? {
        if let failure = endWrites() {
            discard()
            return failure
        }
        if let mismatch = checksum?.mismatch(consequence: consequenceOfMismatch) {
            discard()
            return mismatch
        }
        guard let file else { return nil }
        self.file = nil
        do {
            try file.commit()
            return nil
        } catch var error as AWSError {
            error.code = "ResponseFileError"
            return error
        } catch {
            return AWSError(code: "ResponseFileError", message: "\(error)")
        }
    }

    /// What a body that fails its checksum leaves of the file it was for: a temporary file is
    /// removed (a region's by the download it belongs to), a target written in place keeps
    /// the bytes that arrived.
    private var consequenceOfMismatch: String? {
        guard let target = file?.target ?? (writesRegion ? region?.file.target : nil) else { return nil }
        let inPlace = file?.isInPlace ?? region?.file.isInPlace ?? false
        return inPlace ? "\(target.path) already holds the bytes that arrived" : "\(target.path) was not written"
    }

    /// Writes the bytes held for the file or region; the error, if that failed.
    private func endWrites() -> AWSError? {
        do {
            if writesRegion, let region {
                try region.end()
            } else if let gatherer {
                fileOffset += Int64(try gatherer.end())
            }
            return nil
        } catch var error as AWSError {
            if region == nil { error.code = "ResponseFileError" }
            return error
        } catch {
            return AWSError(code: region == nil ? "ResponseFileError" : "FileNotWritable", message: "\(error)")
        }
    }

    /// Ends a body that failed: writes the bytes held, so a target written in place keeps every
    /// byte that arrived, and removes an unfinished temporary file.
    func discard() {
        _ = endWrites()
        file?.discard()
    }
}
