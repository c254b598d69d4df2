/// `S3Transfer.downloadFile` through a `CallScheduler`: HeadObject, then the GetObjects (ranged
/// and side by side above the threshold) written into a temporary file as they arrive, which
/// replaces the target only when every byte is in.
public final class ScheduledDownload: ScheduledTransfer {
    private enum Stage {
        case starting
        case heading(ticket: Int)
        case receiving(PartWindow)
        case over
    }

    private let transfer: S3Transfer
    private let bucket: String
    private let key: String
    private let target: DownloadTarget
    private var stage = Stage.starting
    private var file: DownloadFile?
    private var size: Int64 = 0
    private var ranged = false
    private var parts: [TransferPart] = []
    private var regions: [DownloadRegion] = []
    private var progress: ProgressCounter?
    public private(set) var result: JSONValue?

    /// A download of `bucket`/`key` to `path`, checked (a folder, say) before anything is sent.
    public init(transfer: S3Transfer, bucket: String, key: String, path: String) throws {
        self.transfer = transfer
        self.bucket = bucket
        self.key = key
        target = try DownloadTarget(path)
    }

    public func advance(_ scheduler: CallScheduler) throws -> Bool {
        switch stage {
        case .starting:
            let input = S3Transfer.headInput(bucket: bucket, key: key)
            stage = .heading(ticket: try scheduler.submit(transfer.client, "HeadObject", input))
            return true
        case .heading(let ticket):
            guard scheduler.isFinished(ticket) else { return true }
            switch scheduler.takeOutput(ticket) {
            case .success(let head):
                let window = try open(head)
                stage = .receiving(window)
                return try receive(window, scheduler)
            case .failure(let error):
                throw S3Transfer.headFailure(error, bucket: bucket, key: key)
            }
        case .receiving(let window):
            return try receive(window, scheduler)
        case .over:
            return false
        }
    }

    public func stop(_ scheduler: CallScheduler) {
        switch stage {
        case .heading(let ticket): scheduler.forget(ticket)
        case .receiving(let window): window.stop(scheduler)
        case .starting, .over: break
        }
        stage = .over
        file?.discard()
    }

    /// Opens the temporary file and plans the GetObjects for the object `head` describes.
    private func open(_ head: JSONValue) throws -> PartWindow {
        size = try transfer.objectSize(head, bucket: bucket, key: key)
        ranged = size >= transfer.options.threshold
        parts = transfer.downloadParts(size: size, ranged: ranged)
        let file = try target.openForWriting()
        self.file = file
        let location = S3Transfer.location(bucket, key)
        regions = parts.map { DownloadRegion(file: file, source: location, offset: $0.offset, length: $0.length) }
        let calls = transfer.getObjectCalls(
            parts, regions: regions, ranged: ranged, bucket: bucket, key: key, eTag: head["ETag"]?.stringValue)
        let progress = ProgressCounter(totalBytes: size, report: transfer.options.progress)
        self.progress = progress
        return PartWindow(
            calls, limit: file.isInPlace ? 1 : transfer.options.concurrency, uploading: false, progress: progress)
    }

    private func receive(_ window: PartWindow, _ scheduler: CallScheduler) throws -> Bool {
        try window.advance(scheduler, client: transfer.client) { index, _ in
            try transfer.checkComplete(regions[index], part: parts[index])
        }
        guard window.isDone, let file, let progress else { return true }
        try transfer.commit(file, size: size, bucket: bucket, key: key)
        progress.end()
        stage = .over
        result = S3DownloadResult(size: size, parts: ranged ? parts.count : 0, seconds: progress.seconds).json
        return false
    }
}
