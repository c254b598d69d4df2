/// Receives a response body: into memory; into a download target (see `DownloadTarget`:
/// through a temporary file renamed onto it only once the whole body has arrived, or in place
/// for a device or pipe); or into a region of a download already open.
final class ResponseBodySink {
    private(set) var bytes: [UInt8] = []
    private let targetPath: String?
    private let region: DownloadRegion?
    private var file: DownloadFile?
    private var writesRegion = false
    private var fileOffset: Int64 = 0
    /// What went wrong writing the file, if anything.
    private(set) var failure: AWSError?

    /// Bytes of an error body kept in memory at most when the body was meant for a region:
    /// enough for any S3 error, and a server that sends more cannot fill the memory.
    static let errorBodyLimit = 1 << 20

    init(targetPath: String?, region: DownloadRegion? = nil) {
        self.targetPath = targetPath
        self.region = region
    }

    deinit { discard() }

    /// Whether the body is going to a file.
    var isWritingFile: Bool { file != nil || writesRegion }

    /// Bytes already written into a target written in place, which cannot be taken back.
    var wroteInPlace: Bool { file?.isInPlace == true && fileOffset > 0 }

    /// Chooses where the body goes once the status is known: 2xx bodies go to the target file
    /// or region when there is one, anything else stays in memory so the error can be read.
    func begin(status: Int, declaredLength: Int64? = nil) -> Bool {
        guard (200..<300).contains(status), file == nil, !writesRegion else { return true }
        do {
            if let region {
                try region.begin(declaredLength: declaredLength)
                writesRegion = true
            } else if let targetPath {
                file = try DownloadTarget(targetPath).openForWriting()
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
        do {
            if writesRegion, let region {
                try region.receive(piece)
            } else if let file {
                try file.write(piece, at: fileOffset)
                fileOffset += Int64(piece.count)
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

    /// Moves a finished file into place; returns the error if that failed.
    func commit() -> AWSError? {
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

    /// Removes an unfinished temporary file.
    func discard() {
        file?.discard()
    }
}
