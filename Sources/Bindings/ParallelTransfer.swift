import AWSCore
import Host

/// An `s3:upload_file` or `s3:download_file` running inside `aws.parallel`: its requests (each
/// part) go through the scheduler, so other functions run while they are in flight; with
/// `progress`, its status line on stderr.
final class ParallelTransfer {
    let client: LuaClient
    let job: ScheduledTransfer
    let status: StatusLine

    init(client: LuaClient, job: ScheduledTransfer, status: StatusLine) {
        self.client = client
        self.job = job
        self.status = status
    }
}

extension ParallelRuntime {
    /// `upload(client, path, bucket, key, options)` and `download(client, bucket, key, path,
    /// options)` → id, checked as `upload_file` and `download_file` check them; `step(id)` →
    /// true while requests are in flight, else the result; `finish(id)` stops what is
    /// unfinished (removes the temporary file, aborts the multipart upload);
    /// `abort_upload(client, bucket, key, upload_id)` aborts a multipart upload at once, even
    /// after Ctrl-C, ignoring failures (for clean-up).
    func transferFunctions() -> LuaTable {
        var functions = LuaTable(array: [])
        functions["upload"] = .function(
            LuaFunction("upload_file") { [unowned self] call in
                let client = try transferClient(call[1], "upload_file")
                let upload = try client.uploadArguments(call)
                return [
                    try begin(upload, client: client, verb: "upload", name: upload.path) {
                        try ScheduledUpload(transfer: $0, path: upload.path, bucket: upload.bucket, key: upload.key)
                    }
                ]
            })
        functions["download"] = .function(
            LuaFunction("download_file") { [unowned self] call in
                let client = try transferClient(call[1], "download_file")
                let download = try client.downloadArguments(call)
                return [
                    try begin(download, client: client, verb: "download", name: download.key) {
                        try ScheduledDownload(
                            transfer: $0, bucket: download.bucket, key: download.key, path: download.path)
                    }
                ]
            })
        functions["step"] = .function(
            LuaFunction("transfer") { [unowned self] call in
                guard let id = call[1].integerValue, let running = transfers[Int(id)] else {
                    throw LuaError("aws.parallel: this transfer has already ended")
                }
                do {
                    if try running.job.advance(try scheduler()) { return [.boolean(true)] }
                } catch var error as AWSError {
                    if error.code == "Cancelled" && session.isInterrupted() { throw Interrupts.error }
                    error.service = error.service ?? running.client.name
                    throw error
                }
                return [.boolean(false), running.job.result?.toLua() ?? .nil]
            })
        functions["abort_upload"] = .function(
            LuaFunction("abort_multipart_upload") { [unowned self] call in
                let client = try transferClient(call[1], "copy")
                let input: JSONValue = .object([
                    "Bucket": .string(try call.string(2, "bucket")), "Key": .string(try call.string(3, "key")),
                    "UploadId": .string(try call.string(4, "upload id")),
                ])
                let saved = client.client.isCancelled
                client.client.isCancelled = { false }
                defer { client.client.isCancelled = saved }
                _ = try? client.client.call("AbortMultipartUpload", input)
                return []
            })
        functions["finish"] = .function(
            LuaFunction("transfer") { [unowned self] call in
                guard let id = call[1].integerValue.map(Int.init), let running = transfers.removeValue(forKey: id)
                else { return [] }
                if let scheduler = try? scheduler() { running.job.stop(scheduler) }
                running.status.clear()
                return []
            })
        return functions
    }

    private func transferClient(_ value: LuaValue, _ method: String) throws -> LuaClient {
        guard let client = value.object(as: LuaClient.self) else {
            throw LuaError("\(method) must be called with ':' (s3:\(method)(...))")
        }
        return client
    }

    /// Registers the job `make` sets up, its progress shown on a status line when asked for;
    /// returns its id.
    private func begin(
        _ arguments: LuaClient.TransferArguments, client: LuaClient, verb: String, name: String,
        make: (S3Transfer) throws -> ScheduledTransfer
    ) throws -> LuaValue {
        let status = StatusLine(enabled: arguments.showProgress)
        if arguments.showProgress {
            let shown = name.split(separator: "/").last.map(String.init) ?? name
            arguments.transfer.options.progress = { progress in
                status.show(TransferProgressLine(progress, verb: verb, name: shown).text)
            }
        }
        let job: ScheduledTransfer
        do {
            job = try make(arguments.transfer)
        } catch var error as AWSError {
            error.service = error.service ?? client.name
            throw error
        }
        lastTransfer += 1
        transfers[lastTransfer] = ParallelTransfer(client: client, job: job, status: status)
        return .integer(Int64(lastTransfer))
    }
}
