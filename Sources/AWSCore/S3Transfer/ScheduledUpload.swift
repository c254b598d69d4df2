/// `S3Transfer.uploadFile` through a `CallScheduler`: one PutObject below the threshold, else
/// CreateMultipartUpload, the UploadParts side by side, and CompleteMultipartUpload. An upload
/// stopped before it completes is aborted.
public final class ScheduledUpload: ScheduledTransfer {
    private enum Stage {
        case starting
        case creating(ticket: Int)
        case sending(PartWindow)
        case completing(ticket: Int)
        case over
    }

    private let transfer: S3Transfer
    private let path: String
    private let bucket: String
    private let key: String
    private let size: Int64
    private let checksum: ChecksumAlgorithm?
    private let progress: ProgressCounter
    private var stage = Stage.starting
    private var uploadID: String?
    private var parts: [TransferPart] = []
    private var eTags: [String?] = []
    private var checksums: [String?] = []
    public private(set) var result: JSONValue?

    /// An upload of the file at `path` to `bucket`/`key`, checked (a missing file, a bad
    /// checksum algorithm) before anything is sent.
    public init(transfer: S3Transfer, path: String, bucket: String, key: String) throws {
        self.transfer = transfer
        self.path = path
        self.bucket = bucket
        self.key = key
        size = try LocalFile.readableSize(path)
        checksum = try transfer.uploadChecksumAlgorithm()
        progress = ProgressCounter(totalBytes: size, report: transfer.options.progress)
    }

    private var isMultipart: Bool { size >= transfer.options.threshold }

    public func advance(_ scheduler: CallScheduler) throws -> Bool {
        switch stage {
        case .starting:
            if isMultipart {
                let input = transfer.createInput(bucket: bucket, key: key, checksum: checksum)
                stage = .creating(ticket: try scheduler.submit(transfer.client, "CreateMultipartUpload", input))
                return true
            }
            let call = try transfer.putObjectCall(path, size: size, bucket: bucket, key: key)
            return try send(PartWindow([call], limit: 1, uploading: true, progress: progress), scheduler)
        case .creating(let ticket):
            guard scheduler.isFinished(ticket) else { return true }
            let uploadID = try transfer.uploadID(of: try scheduler.takeOutput(ticket).get(), bucket: bucket, key: key)
            self.uploadID = uploadID
            parts = transfer.plan(size: size)
            eTags = Array(repeating: nil, count: parts.count)
            checksums = eTags
            let calls = transfer.uploadPartCalls(
                path, parts: parts, bucket: bucket, key: key, uploadID: uploadID, checksum: checksum)
            let window = PartWindow(
                calls, limit: transfer.options.concurrency, uploading: true, progress: progress)
            return try send(window, scheduler)
        case .sending(let window):
            return try send(window, scheduler)
        case .completing(let ticket):
            guard scheduler.isFinished(ticket) else { return true }
            let output = try scheduler.takeOutput(ticket).get()
            uploadID = nil
            let (eTag, objectChecksum) = try transfer.completed(
                output, checksums: checksums, checksum: checksum, bucket: bucket, key: key)
            finish(S3UploadResult(eTag: eTag, size: size, parts: parts.count, seconds: 0, checksum: objectChecksum))
            return false
        case .over:
            return false
        }
    }

    public func stop(_ scheduler: CallScheduler) {
        switch stage {
        case .creating(let ticket), .completing(let ticket): scheduler.forget(ticket)
        case .sending(let window): window.stop(scheduler)
        case .starting, .over: break
        }
        stage = .over
        if let uploadID, result == nil {
            _ = transfer.abort(bucket: bucket, key: key, uploadID: uploadID)
        }
        uploadID = nil
    }

    /// Moves the parts along; once all are in, completes a multipart upload or ends a single one.
    private func send(_ window: PartWindow, _ scheduler: CallScheduler) throws -> Bool {
        stage = .sending(window)
        var single: (eTag: String, checksum: String?) = ("", nil)
        try window.advance(scheduler, client: transfer.client) { index, output in
            guard uploadID != nil else {
                single.eTag = output["ETag"]?.stringValue ?? ""
                single.checksum =
                    ChecksumAlgorithm.allCases.lazy.compactMap { output[$0.memberName]?.stringValue }
                    .first
                return
            }
            eTags[index] = try transfer.partETag(output["ETag"]?.stringValue, part: parts[index], path: path)
            if let checksum {
                checksums[index] =
                    try output[checksum.memberName]?.stringValue
                    ?? checksum.base64(of: window.calls[index].body ?? .none)
            }
        }
        guard window.isDone else { return true }
        guard let uploadID else {
            finish(S3UploadResult(eTag: single.eTag, size: size, parts: 0, seconds: 0, checksum: single.checksum))
            return false
        }
        let input = transfer.completeInput(
            parts: parts, bucket: bucket, key: key, uploadID: uploadID, eTags: eTags, checksums: checksums,
            checksum: checksum)
        stage = .completing(ticket: try scheduler.submit(transfer.client, "CompleteMultipartUpload", input))
        return true
    }

    private func finish(_ done: S3UploadResult) {
        progress.end()
        var done = done
        done.seconds = progress.seconds
        result = done.json
        stage = .over
    }
}
