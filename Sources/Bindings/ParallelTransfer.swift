import AWSCore
import Host

/// An `s3:upload_file` or `s3:download_file` driven from Lua: inside `aws.parallel`, or
/// anywhere with `on_progress`. Its requests (each part) go through the scheduler, so other
/// functions run while they are in flight; with `progress`, it has its place on the
/// transfers' shared status line (`TransferBoard`).
final class ParallelTransfer {
    let client: LuaClient
    let job: ScheduledTransfer
    /// The latest progress not yet handed to `on_progress`.
    var unreported: S3TransferProgress?

    init(client: LuaClient, job: ScheduledTransfer) {
        self.client = client
        self.job = job
    }
}

extension ParallelRuntime {
    /// `upload(client, path, bucket, key, options)` and `download(client, bucket, key, path,
    /// options)` → id, checked as `upload_file` and `download_file` check them; `step(id)` →
    /// true while requests are in flight, else false and the result; then the bytes done and
    /// the total when there is progress for `on_progress`; `finish(id)` stops what is
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
                let going: Bool
                do {
                    going = try running.job.advance(try scheduler())
                } catch var error as AWSError {
                    if error.code == "Cancelled" && session.isInterrupted() { throw Interrupts.error }
                    error.service = error.service ?? running.client.name
                    throw error
                }
                var answer: [LuaValue] = [.boolean(going), going ? .nil : running.job.result?.toLua() ?? .nil]
                if let progress = running.unreported {
                    answer += [.integer(progress.bytesDone), .integer(progress.totalBytes)]
                    running.unreported = nil
                }
                return answer
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
                madeTransferBoard?.remove(id)
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

    /// Registers the job `make` sets up, its progress shown on the shared status line when
    /// asked for and kept for `on_progress` when one was given; returns its id.
    private func begin(
        _ arguments: LuaClient.TransferArguments, client: LuaClient, verb: String, name: String,
        make: (S3Transfer) throws -> ScheduledTransfer
    ) throws -> LuaValue {
        let id = lastTransfer + 1
        let board = arguments.showProgress ? transferBoard() : nil
        let shown = name.split(separator: "/").last.map(String.init) ?? name
        if board != nil || arguments.reportsProgress {
            let reports = arguments.reportsProgress
            arguments.transfer.options.progress = { [unowned self] progress in
                board?.update(id, verb: verb, name: shown, progress)
                if reports { transfers[id]?.unreported = progress }
            }
        }
        let job: ScheduledTransfer
        do {
            job = try make(arguments.transfer)
        } catch var error as AWSError {
            error.service = error.service ?? client.name
            throw error
        }
        lastTransfer = id
        transfers[id] = ParallelTransfer(client: client, job: job)
        return .integer(Int64(id))
    }

    private func transferBoard() -> TransferBoard {
        if let madeTransferBoard { return madeTransferBoard }
        let made = TransferBoard(line: statusLine)
        madeTransferBoard = made
        return made
    }
}
