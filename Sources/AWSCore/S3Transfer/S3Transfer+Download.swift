#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension S3Transfer {
    /// Downloads `bucket`/`key` to the file at `path`: one GetObject below the threshold,
    /// ranged GetObjects in parallel above it. The bytes go to a temporary file beside `path`
    /// that is renamed onto it only when every byte has arrived; on any error it is removed
    /// and `path` is left as it was.
    public func downloadFile(bucket: String, key: String, to path: String) throws -> S3DownloadResult {
        try LocalFile.checkWritable(path)
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
        let eTag = head["ETag"]?.stringValue
        if size < options.threshold {
            try getObject(bucket: bucket, key: key, eTag: eTag, size: size, to: path, progress: progress)
            progress.end()
            return S3DownloadResult(size: size, parts: 0, seconds: progress.seconds)
        }
        let parts = plan(size: size)
        let temporary = try LocalFile.temporaryBeside(path)
        var kept = false
        defer {
            close(temporary.descriptor)
            if !kept { unlink(temporary.path) }
        }
        try receiveParts(parts, bucket: bucket, key: key, eTag: eTag, into: temporary, progress: progress)
        var info = stat()
        guard fstat(temporary.descriptor, &info) == 0, Int64(info.st_size) == size else {
            throw AWSError(
                code: "IncompleteDownload",
                message:
                    "\(Self.location(bucket, key)): \(info.st_size) of \(size) bytes arrived; \(path) was not written")
        }
        guard rename(temporary.path, path) == 0 else {
            throw AWSError(
                code: "FileNotWritable",
                message: "cannot move the download onto \(path): \(String(cString: strerror(errno)))")
        }
        kept = true
        progress.end()
        return S3DownloadResult(size: size, parts: parts.count, seconds: progress.seconds)
    }

    /// One GetObject streamed to `path` (through a temporary file), checked for its size.
    private func getObject(
        bucket: String, key: String, eTag: String?, size: Int64, to path: String, progress: ProgressCounter
    ) throws {
        var input: JSONValue = .object(["Bucket": .string(bucket), "Key": .string(key)])
        if let eTag { input = Self.merging(input, [("IfMatch", .string(eTag))]) }
        let callOptions = CallOptions(
            responseBodyPath: path, progress: { moved in progress.update(0, bytes: moved.bytesReceived) })
        _ = try client.call("GetObject", input, options: callOptions)
        progress.finish(0, bytes: size)
        var info = stat()
        guard stat(path, &info) == 0, Int64(info.st_size) == size else {
            unlink(path)
            throw AWSError(
                code: "IncompleteDownload",
                message: "\(Self.location(bucket, key)): expected \(size) bytes, got \(info.st_size); \(path) removed")
        }
    }

    /// Ranged GetObjects in parallel, each written at its offset of the open temporary file.
    private func receiveParts(
        _ parts: [TransferPart], bucket: String, key: String, eTag: String?,
        into file: (path: String, descriptor: Int32),
        progress: ProgressCounter
    ) throws {
        let calls = parts.map { part in
            var members: [(String, JSONValue)] = [
                ("Bucket", .string(bucket)), ("Key", .string(key)), ("Range", .string(part.rangeHeader)),
            ]
            if let eTag { members.append(("IfMatch", .string(eTag))) }
            return ParallelCall(
                operation: "GetObject", input: Self.merging(.object([:]), members), body: nil, bytes: part.length)
        }
        try client.sendInParallel(
            calls, through: transport, concurrency: options.concurrency, uploading: false, progress: progress
        ) { index, response in
            let part = parts[index]
            guard Int64(response.body.count) == part.length else {
                throw AWSError(
                    code: "IncompleteDownload",
                    message: "\(Self.location(bucket, key)) bytes \(part.offset)-\(part.offset + part.length - 1): "
                        + "got \(response.body.count) of \(part.length) bytes",
                    service: client.serviceName, operation: "GetObject")
            }
            try LocalFile.write(response.body, at: part.offset, to: file.descriptor, path: file.path)
        }
    }
}
