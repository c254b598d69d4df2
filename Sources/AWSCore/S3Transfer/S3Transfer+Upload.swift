import OrderedCollections

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
        let checksum = try uploadChecksumAlgorithm()
        let created = try client.call(
            "CreateMultipartUpload", createInput(bucket: bucket, key: key, checksum: checksum))
        let uploadID = try uploadID(of: created, bucket: bucket, key: key)
        do {
            let (eTag, objectChecksum) = try uploadParts(
                path, parts: parts, bucket: bucket, key: key, uploadID: uploadID, checksum: checksum,
                progress: progress)
            progress.end()
            return S3UploadResult(
                eTag: eTag, size: size, parts: parts.count, seconds: progress.seconds, checksum: objectChecksum)
        } catch {
            throw withAbort(error, bucket: bucket, key: key, uploadID: uploadID)
        }
    }

    /// `error` once the multipart upload is aborted, saying so if that failed too.
    func withAbort(_ error: Error, bucket: String, key: String, uploadID: String) -> Error {
        let failure = abort(bucket: bucket, key: key, uploadID: uploadID)
        guard var error = error as? AWSError else { return error }
        if let failure {
            error.message +=
                " (and the multipart upload \(uploadID) could not be aborted: \(failure.code): \(failure.message))"
            error.fields["UploadId"] = .string(uploadID)
        }
        return error
    }

    /// The input of CreateMultipartUpload: the extra parameters, and the checksum's algorithm.
    func createInput(bucket: String, key: String, checksum: ChecksumAlgorithm?) -> JSONValue {
        let input = Self.merging(options.extra, [("Bucket", .string(bucket)), ("Key", .string(key))])
        guard let checksum else { return input }
        return Self.merging(input, [("ChecksumAlgorithm", .string(checksum.rawValue))])
    }

    /// The upload ID CreateMultipartUpload gave.
    func uploadID(of created: JSONValue, bucket: String, key: String) throws -> String {
        guard let uploadID = created["UploadId"]?.stringValue else {
            throw AWSError(
                code: "InvalidResponse",
                message: "CreateMultipartUpload for \(Self.location(bucket, key)) gave no UploadId",
                service: client.serviceName, operation: "CreateMultipartUpload")
        }
        return uploadID
    }

    /// The PutObject of a file below the threshold, its body read from the file as it is sent.
    func putObjectCall(_ path: String, size: Int64, bucket: String, key: String) throws -> ParallelCall {
        var input = Self.merging(options.extra, [("Bucket", .string(bucket)), ("Key", .string(key))])
        if let algorithm = try uploadChecksumAlgorithm() {
            input = Self.merging(input, [("ChecksumAlgorithm", .string(algorithm.rawValue))])
        }
        return ParallelCall(
            operation: "PutObject", input: input,
            body: size > 0 ? .file(path: path, offset: 0, length: UInt64(size)) : HTTPRequest.Body.none,
            bytes: size)
    }

    private func putObject(_ path: String, size: Int64, bucket: String, key: String, progress: ProgressCounter) throws
        -> S3UploadResult
    {
        let call = try putObjectCall(path, size: size, bucket: bucket, key: key)
        var eTag = ""
        var checksum: String?
        try client.sendInParallel([call], through: transport, concurrency: 1, uploading: true, progress: progress) {
            _, response in
            eTag = response.header("etag") ?? ""
            checksum = ChecksumAlgorithm.allCases.lazy.compactMap { response.header($0.headerName) }.first
        }
        progress.end()
        return S3UploadResult(eTag: eTag, size: size, parts: 0, seconds: progress.seconds, checksum: checksum)
    }

    /// An UploadPart for each of `parts` of the file at `path`, each with its own checksum
    /// when `checksum` is set.
    func uploadPartCalls(
        _ path: String, parts: [TransferPart], bucket: String, key: String, uploadID: String,
        checksum: ChecksumAlgorithm?
    ) -> [ParallelCall] {
        let partChecksum = checksum.map { [("ChecksumAlgorithm", JSONValue.string($0.rawValue))] } ?? []
        return parts.map { part in
            ParallelCall(
                operation: "UploadPart",
                input: Self.merging(
                    .object([:]),
                    repeatedParameters + partChecksum + [
                        ("Bucket", .string(bucket)), ("Key", .string(key)), ("UploadId", .string(uploadID)),
                        ("PartNumber", .integer(Int64(part.number))),
                    ]),
                body: .file(path: path, offset: UInt64(part.offset), length: UInt64(part.length)), bytes: part.length)
        }
    }

    /// The extra parameters that UploadPart and CompleteMultipartUpload repeat.
    private var repeatedParameters: [(String, JSONValue)] {
        let extra = options.extra.objectValue ?? [:]
        return Self.partParameters.compactMap { name in extra[name].map { (name, $0) } }
    }

    /// The ETag of an uploaded part, or `InvalidResponse` when its answer had none.
    func partETag(_ eTag: String?, part: TransferPart, path: String) throws -> String {
        guard let eTag else {
            throw AWSError(
                code: "InvalidResponse", message: "UploadPart \(part.number) of \(path) gave no ETag",
                service: client.serviceName, operation: "UploadPart")
        }
        return eTag
    }

    /// The input of CompleteMultipartUpload for the parts' ETags and checksums.
    func completeInput(
        parts: [TransferPart], bucket: String, key: String, uploadID: String, eTags: [String?],
        checksums: [String?], checksum: ChecksumAlgorithm?
    ) -> JSONValue {
        let completed: [JSONValue] = parts.indices.map { index in
            var members: OrderedDictionary<String, JSONValue> = [
                "ETag": .string(eTags[index] ?? ""), "PartNumber": .integer(Int64(parts[index].number)),
            ]
            if let checksum, let value = checksums[index] { members[checksum.memberName] = .string(value) }
            return .object(members)
        }
        return Self.merging(
            .object([:]),
            repeatedParameters + [
                ("Bucket", .string(bucket)), ("Key", .string(key)), ("UploadId", .string(uploadID)),
                ("MultipartUpload", .object(["Parts": .array(completed)])),
            ])
    }

    /// The object's ETag and checksum from CompleteMultipartUpload's `output`, the checksum S3
    /// reports checked against the one the parts' checksums make.
    func completed(
        _ output: JSONValue, checksums: [String?], checksum: ChecksumAlgorithm?, bucket: String, key: String
    ) throws -> (eTag: String, checksum: String?) {
        let eTag = output["ETag"]?.stringValue ?? ""
        guard let checksum else { return (eTag, nil) }
        let composite = try Self.compositeChecksum(checksums.map { $0 ?? "" }, algorithm: checksum)
        guard let reported = output[checksum.memberName]?.stringValue else { return (eTag, composite) }
        if reported.contains("-"), reported != composite {
            throw AWSError(
                code: "ChecksumMismatch",
                message: "\(Self.location(bucket, key)): S3 gives the upload the \(checksum.rawValue) \(reported), "
                    + "but its parts' checksums make \(composite)",
                service: client.serviceName, operation: "CompleteMultipartUpload")
        }
        return (eTag, reported)
    }

    /// Sends every part and completes the upload with the parts' checksums; returns the
    /// object's ETag and the checksum S3 gives it.
    private func uploadParts(
        _ path: String, parts: [TransferPart], bucket: String, key: String, uploadID: String,
        checksum: ChecksumAlgorithm?, progress: ProgressCounter
    ) throws -> (eTag: String, checksum: String?) {
        let calls = uploadPartCalls(
            path, parts: parts, bucket: bucket, key: key, uploadID: uploadID, checksum: checksum)
        var eTags = [String?](repeating: nil, count: parts.count)
        var checksums = [String?](repeating: nil, count: parts.count)
        try client.sendInParallel(
            calls, through: transport, concurrency: options.concurrency, uploading: true, progress: progress
        ) { index, response in
            eTags[index] = try partETag(response.header("etag"), part: parts[index], path: path)
            if let checksum {
                checksums[index] =
                    try response.header(checksum.headerName) ?? checksum.base64(of: calls[index].body ?? .none)
            }
        }
        try client.checkCancelled()
        let output = try client.call(
            "CompleteMultipartUpload",
            completeInput(
                parts: parts, bucket: bucket, key: key, uploadID: uploadID, eTags: eTags, checksums: checksums,
                checksum: checksum))
        return try completed(output, checksums: checksums, checksum: checksum, bucket: bucket, key: key)
    }

    /// The checksum of a multipart object as S3 composes it: the checksum of the parts' raw
    /// checksums one after another, in base64, then `-` and the number of parts.
    public static func compositeChecksum(_ partChecksums: [String], algorithm: ChecksumAlgorithm) throws -> String {
        var joined: [UInt8] = []
        for value in partChecksums {
            guard let raw = Base64.decode(value) else {
                throw AWSError(
                    code: "InvalidResponse", message: "a part's checksum \(QuotedValue.shortened(value)) is not base64")
            }
            joined += raw
        }
        return algorithm.base64(of: joined) + "-\(partChecksums.count)"
    }

    /// The checksum algorithm of an upload, as s3transfer picks it: `ChecksumAlgorithm` among
    /// the extra parameters, else CRC32 when `request_checksum_calculation` is `when_supported`
    /// and no full-object checksum (`ChecksumCRC32`, ...) is given.
    func uploadChecksumAlgorithm() throws -> ChecksumAlgorithm? {
        let extra = options.extra.objectValue ?? [:]
        if let name = extra["ChecksumAlgorithm"]?.stringValue {
            guard let algorithm = ChecksumAlgorithm(named: name) else {
                throw AWSError(
                    code: "UnsupportedChecksumAlgorithm",
                    message: "ChecksumAlgorithm \(QuotedValue.shortened(name)) is not a checksum gluescript computes")
            }
            return algorithm
        }
        if ChecksumAlgorithm.allCases.contains(where: { extra[$0.memberName] != nil }) { return nil }
        return client.checksums.requestCalculation == .whenSupported ? .defaultAlgorithm : nil
    }

    /// Aborts the multipart upload, even after an interrupt; returns the error if that failed.
    func abort(bucket: String, key: String, uploadID: String) -> AWSError? {
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
