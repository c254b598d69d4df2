import AWSCore
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `s3:upload_file(path, bucket, key, options)` and `s3:download_file(bucket, key, path, options)`:
/// managed transfers as boto3's, multipart and in parallel above a threshold.
extension LuaClient {
    static let transferBuiltins: [String: Builtin] = [
        "upload_file": { client, call in
            let upload = try client.uploadArguments(call)
            let result = try client.showingProgress(
                upload.showProgress, of: upload.transfer, verb: "upload", name: upload.path
            ) {
                try upload.transfer.uploadFile(upload.path, bucket: upload.bucket, key: upload.key)
            }
            return [result.json.toLua()]
        },
        "download_file": { client, call in
            let download = try client.downloadArguments(call)
            let result = try client.showingProgress(
                download.showProgress, of: download.transfer, verb: "download", name: download.key
            ) {
                try download.transfer.downloadFile(bucket: download.bucket, key: download.key, to: download.path)
            }
            return [result.json.toLua()]
        },
    ]

    /// What `upload_file(path, bucket, key, options)` and `download_file(bucket, key, path,
    /// options)` were given, checked, with the transfer their options make.
    struct TransferArguments {
        var path: String
        var bucket: String
        var key: String
        var transfer: S3Transfer
        var showProgress: Bool
        /// Whether an `on_progress` function was given (`ParallelScript` calls it).
        var reportsProgress: Bool
    }

    func uploadArguments(_ call: LuaCall) throws -> TransferArguments {
        try checkSelf(call, method: "upload_file")
        let path = try call.string(2, "local path")
        let bucket = try call.string(3, "bucket")
        let key = try call.string(4, "key")
        let (transfer, showProgress, reportsProgress) = try transfer(
            call.optionalTable(5, "options"), function: "upload_file", allowed: ["threshold", "extra"])
        return TransferArguments(
            path: path, bucket: bucket, key: key, transfer: transfer, showProgress: showProgress,
            reportsProgress: reportsProgress)
    }

    func downloadArguments(_ call: LuaCall) throws -> TransferArguments {
        try checkSelf(call, method: "download_file")
        let bucket = try call.string(2, "bucket")
        let key = try call.string(3, "key")
        let path = try call.string(4, "local path")
        let (transfer, showProgress, reportsProgress) = try transfer(
            call.optionalTable(5, "options"), function: "download_file", allowed: ["threshold"])
        return TransferArguments(
            path: path, bucket: bucket, key: key, transfer: transfer, showProgress: showProgress,
            reportsProgress: reportsProgress)
    }

    /// A transfer set up from the options table of `function`; also whether to show progress
    /// and whether an `on_progress` function was given.
    private func transfer(_ settings: LuaTable?, function method: String, allowed: [String]) throws
        -> (S3Transfer, Bool, Bool)
    {
        let function = "\(name):\(method)"
        var options = S3TransferOptions()
        var showProgress = StatusLine.stderrIsTerminal
        var reportsProgress = false
        if let settings {
            try OptionCheck.only(
                ["progress", "on_progress", "part_size", "concurrency"] + allowed, in: settings, for: function)
            reportsProgress = try settings.functionOption("on_progress", of: function, taking: "done, total")
            if let progress = try settings.booleanOption("progress", of: function) { showProgress = progress }
            if let size = try settings.integerOption("part_size", of: function) {
                guard size > 0 else { throw optionError(function, "part_size must be a positive number of bytes") }
                options.partSize = Int64(size)
            }
            if let concurrency = try settings.integerOption("concurrency", of: function) {
                guard concurrency >= 1 else { throw optionError(function, "concurrency must be 1 or more") }
                options.concurrency = concurrency
            }
            if let threshold = try settings.integerOption("threshold", of: function) {
                guard threshold >= 0 else { throw optionError(function, "threshold must not be negative") }
                options.threshold = Int64(threshold)
            }
            if let extra = try settings.tableOption("extra", of: function) {
                options.extra = try extra.toJSONValue()
            }
        }
        client.debugLog = session.debugLog
        let transport = try parallelTransport()
        transport.debugLog = session.debugLog
        return (
            try S3Transfer(client: client, options: options, transport: transport), showProgress, reportsProgress
        )
    }

    private func optionError(_ function: String, _ text: String) -> AWSError {
        AWSError(code: "ValidationError", message: "\(function): \(text)")
    }

    /// Runs `body` with a status line on stderr when `show` is set, cleared at the end; an
    /// interrupt becomes Lua's "interrupted!".
    private func showingProgress<T>(
        _ show: Bool, of transfer: S3Transfer, verb: String, name: String, _ body: () throws -> T
    )
        throws -> T
    {
        let status = StatusLine(enabled: show)
        if show {
            let shown = name.split(separator: "/").last.map(String.init) ?? name
            transfer.options.progress = { progress in
                status.show(TransferProgressLine(progress, verb: verb, name: shown).text)
            }
        }
        defer { status.clear() }
        do {
            return try body()
        } catch var error as AWSError {
            if error.code == "Cancelled" || session.isInterrupted() { throw Interrupts.error }
            error.service = error.service ?? self.name
            throw error
        }
    }
}
