extension S3Transfer {
    /// Parameters of the upload that UploadPart and CompleteMultipartUpload must repeat.
    static let partParameters = [
        "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5", "RequestPayer", "ExpectedBucketOwner",
    ]

    /// Uploads the file at `path` to `bucket`/`key`: one PutObject below the threshold, a
    /// multipart upload above it. A multipart upload that fails or is interrupted is aborted
    /// before the error is thrown, so no incomplete upload is left behind.
    public func uploadFile(_ path: String, bucket: String, key: String) throws -> S3UploadResult {
        let size = try LocalFile.readableSize(path)
        let progress = ProgressCounter(totalBytes: size, report: options.progress)
        if size < options.threshold {
            return try putObject(path, size: size, bucket: bucket, key: key, progress: progress)
        }
        let parts = plan(size: size)
        let created = try client.call(
            "CreateMultipartUpload", Self.merging(options.extra, [("Bucket", .string(bucket)), ("Key", .string(key))]))
        guard let uploadID = created["UploadId"]?.stringValue else {
            throw AWSError(
                code: "InvalidResponse",
                message: "CreateMultipartUpload for \(Self.location(bucket, key)) gave no UploadId",
                service: client.serviceName, operation: "CreateMultipartUpload")
        }
        do {
            let eTag = try uploadParts(
                path, parts: parts, bucket: bucket, key: key, uploadID: uploadID, progress: progress)
            progress.end()
            return S3UploadResult(eTag: eTag, size: size, parts: parts.count, seconds: progress.seconds)
        } catch {
            let failure = abort(bucket: bucket, key: key, uploadID: uploadID)
            guard var error = error as? AWSError else { throw error }
            if let failure {
                error.message +=
                    " (and the multipart upload \(uploadID) could not be aborted: \(failure.code): \(failure.message))"
                error.fields["UploadId"] = .string(uploadID)
            }
            throw error
        }
    }

    private func putObject(_ path: String, size: Int64, bucket: String, key: String, progress: ProgressCounter) throws
        -> S3UploadResult
    {
        let input = Self.merging(options.extra, [("Bucket", .string(bucket)), ("Key", .string(key))])
        let call = ParallelCall(
            operation: "PutObject", input: input,
            body: size > 0 ? .file(path: path, offset: 0, length: UInt64(size)) : HTTPRequest.Body.none,
            bytes: size)
        var eTag = ""
        try client.sendInParallel([call], through: transport, concurrency: 1, uploading: true, progress: progress) {
            _, response in
            eTag = response.header("etag") ?? ""
        }
        progress.end()
        return S3UploadResult(eTag: eTag, size: size, parts: 0, seconds: progress.seconds)
    }

    /// Sends every part and completes the upload; returns the object's ETag.
    private func uploadParts(
        _ path: String, parts: [TransferPart], bucket: String, key: String, uploadID: String, progress: ProgressCounter
    ) throws -> String {
        let extra = options.extra.objectValue ?? [:]
        let repeated = Self.partParameters.compactMap { name in extra[name].map { (name, $0) } }
        let calls = parts.map { part in
            ParallelCall(
                operation: "UploadPart",
                input: Self.merging(
                    .object([:]),
                    repeated + [
                        ("Bucket", .string(bucket)), ("Key", .string(key)), ("UploadId", .string(uploadID)),
                        ("PartNumber", .integer(Int64(part.number))),
                    ]),
                body: .file(path: path, offset: UInt64(part.offset), length: UInt64(part.length)), bytes: part.length)
        }
        var eTags = [String?](repeating: nil, count: parts.count)
        try client.sendInParallel(
            calls, through: transport, concurrency: options.concurrency, uploading: true, progress: progress
        ) { index, response in
            guard let eTag = response.header("etag") else {
                throw AWSError(
                    code: "InvalidResponse", message: "UploadPart \(parts[index].number) of \(path) gave no ETag",
                    service: client.serviceName, operation: "UploadPart")
            }
            eTags[index] = eTag
        }
        try client.checkCancelled()
        let completed: [JSONValue] = zip(parts, eTags).map { part, eTag in
            .object(["ETag": .string(eTag ?? ""), "PartNumber": .integer(Int64(part.number))])
        }
        let output = try client.call(
            "CompleteMultipartUpload",
            Self.merging(
                .object([:]),
                repeated + [
                    ("Bucket", .string(bucket)), ("Key", .string(key)), ("UploadId", .string(uploadID)),
                    ("MultipartUpload", .object(["Parts": .array(completed)])),
                ]))
        return output["ETag"]?.stringValue ?? ""
    }

    /// Aborts the multipart upload, even after an interrupt; returns the error if that failed.
    private func abort(bucket: String, key: String, uploadID: String) -> AWSError? {
        ignoringInterrupts {
            do {
                _ = try client.call(
                    "AbortMultipartUpload",
                    .object(["Bucket": .string(bucket), "Key": .string(key), "UploadId": .string(uploadID)]))
                return nil
            } catch let error as AWSError {
                return error
            } catch {
                return AWSError(code: "AbortFailed", message: "\(error)")
            }
        }
    }
}
