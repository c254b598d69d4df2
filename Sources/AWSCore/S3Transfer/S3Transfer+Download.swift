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
            head = try client.call("HeadObject", Self.headInput(bucket: bucket, key: key))
        } catch let error as AWSError {
            throw Self.headFailure(error, bucket: bucket, key: key)
        }
        let size = try objectSize(head, bucket: bucket, key: key)
        let progress = ProgressCounter(totalBytes: size, report: options.progress)
        let ranged = size >= options.threshold
        let parts = downloadParts(size: size, ranged: ranged)
        let file = try target.openForWriting()
        defer { file.discard() }
        let location = Self.location(bucket, key)
        let regions = parts.map { DownloadRegion(file: file, source: location, offset: $0.offset, length: $0.length) }
        let calls = getObjectCalls(
            parts, regions: regions, ranged: ranged, bucket: bucket, key: key, eTag: head["ETag"]?.stringValue)
        try client.sendInParallel(
            calls, through: transport, concurrency: file.isInPlace ? 1 : options.concurrency, uploading: false,
            inOrder: file.isInPlace, progress: progress
        ) { index, _ in
            try checkComplete(regions[index], part: parts[index])
        }
        try commit(file, size: size, bucket: bucket, key: key)
        progress.end()
        return S3DownloadResult(size: size, parts: ranged ? parts.count : 0, seconds: progress.seconds)
    }

    static func headInput(bucket: String, key: String) -> JSONValue {
        .object(["Bucket": .string(bucket), "Key": .string(key)])
    }

    /// HeadObject's error, a missing object (404) named plainly as `NoSuchKey`.
    static func headFailure(_ error: AWSError, bucket: String, key: String) -> AWSError {
        var error = error
        if error.status == 404 {
            error.code = "NoSuchKey"
            error.message = "\(location(bucket, key)) does not exist"
        }
        return error
    }

    /// The object's size from its HeadObject answer.
    func objectSize(_ head: JSONValue, bucket: String, key: String) throws -> Int64 {
        guard case .integer(let size)? = head["ContentLength"] else {
            throw AWSError(
                code: "InvalidResponse", message: "HeadObject for \(Self.location(bucket, key)) gave no ContentLength",
                service: client.serviceName, operation: "HeadObject")
        }
        return size
    }

    /// The pieces of a download: ranges when `ranged`, else the whole object at once.
    func downloadParts(size: Int64, ranged: Bool) -> [TransferPart] {
        ranged ? plan(size: size) : [TransferPart(number: 1, offset: 0, length: size)]
    }

    /// A GetObject for each of `parts` (ranged when `ranged`, and only while the object keeps
    /// `eTag`), each body written into its region as it arrives.
    func getObjectCalls(
        _ parts: [TransferPart], regions: [DownloadRegion], ranged: Bool, bucket: String, key: String, eTag: String?
    ) -> [ParallelCall] {
        zip(parts, regions).map { part, region in
            var members: [(String, JSONValue)] = [("Bucket", .string(bucket)), ("Key", .string(key))]
            if ranged { members.append(("Range", .string(part.rangeHeader))) }
            if let eTag { members.append(("IfMatch", .string(eTag))) }
            return ParallelCall(
                operation: "GetObject", input: Self.merging(.object([:]), members), body: nil, bytes: part.length,
                region: region)
        }
    }

    /// Throws `IncompleteDownload` unless every byte of `part` arrived in `region`.
    func checkComplete(_ region: DownloadRegion, part: TransferPart) throws {
        guard region.isComplete else {
            throw AWSError(
                code: "IncompleteDownload",
                message: "\(region.source) bytes \(part.offset)-\(part.offset + part.length - 1): "
                    + "got \(region.written) of \(part.length) bytes",
                service: client.serviceName, operation: "GetObject")
        }
    }

    /// Puts the finished download in place, checked to hold `size` bytes.
    func commit(_ file: DownloadFile, size: Int64, bucket: String, key: String) throws {
        do {
            try file.commit(expectedSize: size)
        } catch var error as AWSError {
            error.message = "\(Self.location(bucket, key)): \(error.message)"
            throw error
        }
    }
}
