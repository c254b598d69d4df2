extension S3Transfer {
    /// Downloads `bucket`/`key` to the file at `path`: one GetObject below the threshold,
    /// ranged GetObjects in parallel above it. Each body is written at its place in a temporary
    /// file beside `path` as it arrives, and the file is renamed onto `path` only when every
    /// byte has arrived; on any error it is removed and `path` is left as it was. A link at
    /// `path` is followed (the link stays); a device or pipe is written in place, in order.
    public func downloadFile(bucket: String, key: String, to path: String) throws -> S3DownloadResult {
        let target = try DownloadTarget(path)
        let head: JSONValue
        do {
            head = try client.call("HeadObject", .object(["Bucket": .string(bucket), "Key": .string(key)]))
        } catch var error as AWSError {
            if error.status == 404 {
                error.code = "NoSuchKey"
                error.message = "\(Self.location(bucket, key)) does not exist"
            }
            throw error
        }
        guard case .integer(let size)? = head["ContentLength"] else {
            throw AWSError(
                code: "InvalidResponse", message: "HeadObject for \(Self.location(bucket, key)) gave no ContentLength",
                service: client.serviceName, operation: "HeadObject")
        }
        let progress = ProgressCounter(totalBytes: size, report: options.progress)
        let ranged = size >= options.threshold
        let parts = ranged ? plan(size: size) : [TransferPart(number: 1, offset: 0, length: size)]
        let file = try target.openForWriting()
        defer { file.discard() }
        try receiveParts(
            parts, ranged: ranged, bucket: bucket, key: key, eTag: head["ETag"]?.stringValue, into: file,
            progress: progress)
        do {
            try file.commit(expectedSize: size)
        } catch var error as AWSError {
            error.message = "\(Self.location(bucket, key)): \(error.message)"
            throw error
        }
        progress.end()
        return S3DownloadResult(size: size, parts: ranged ? parts.count : 0, seconds: progress.seconds)
    }

    /// GetObjects for `parts` (ranged when `ranged`), each body written into its region of
    /// `file` as it arrives: in parallel into a temporary file, one after the other in place.
    private func receiveParts(
        _ parts: [TransferPart], ranged: Bool, bucket: String, key: String, eTag: String?, into file: DownloadFile,
        progress: ProgressCounter
    ) throws {
        let location = Self.location(bucket, key)
        let regions = parts.map { DownloadRegion(file: file, source: location, offset: $0.offset, length: $0.length) }
        let calls = zip(parts, regions).map { part, region in
            var members: [(String, JSONValue)] = [("Bucket", .string(bucket)), ("Key", .string(key))]
            if ranged { members.append(("Range", .string(part.rangeHeader))) }
            if let eTag { members.append(("IfMatch", .string(eTag))) }
            return ParallelCall(
                operation: "GetObject", input: Self.merging(.object([:]), members), body: nil, bytes: part.length,
                region: region)
        }
        try client.sendInParallel(
            calls, through: transport, concurrency: file.isInPlace ? 1 : options.concurrency, uploading: false,
            inOrder: file.isInPlace, progress: progress
        ) { index, _ in
            let part = parts[index]
            guard regions[index].isComplete else {
                throw AWSError(
                    code: "IncompleteDownload",
                    message: "\(location) bytes \(part.offset)-\(part.offset + part.length - 1): "
                        + "got \(regions[index].written) of \(part.length) bytes",
                    service: client.serviceName, operation: "GetObject")
            }
        }
    }
}
