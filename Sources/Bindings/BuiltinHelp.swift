import AWSCore

/// What `help(client.method)` says of the methods every client has besides its operations
/// (transfers, pagination, waiters, requests built or parsed by hand).
enum BuiltinHelp {
    /// The usage line and what the method does, by method name.
    static let entries: [String: (usage: String, summary: String)] = [
        "operations": ("client:operations()", "the client's operations, sorted, as method names"),
        "build_request": (
            "client:build_request(operation, params)",
            "the signed request of an operation, not sent: {method=, url=, headers=, body=}"
        ),
        "presign": (
            "client:presign(operation, params, {expires = 3600})",
            "a presigned URL for the operation, valid for `expires` seconds"
        ),
        "parse_response": (
            "client:parse_response(operation, {status=, headers=, body=})",
            "what the operation would return for that HTTP answer, or the error it would raise"
        ),
        "paginate": (
            "for page in client:paginate(operation, params, {max_items=, page_size=, starting_token=}) do ... end",
            "iterates over the pages of a paginated operation, following its tokens"
        ),
        "collect": (
            "client:collect(operation, params, {max_items=, page_size=, starting_token=})",
            "one result with every page's items joined (NextToken resumes after max_items)"
        ),
        "paginators": ("client:paginators()", "the paginated operations, sorted"),
        "resolve_endpoint": (
            "client:resolve_endpoint{Region=, UseFIPS=, UseDualStack=, Bucket=, ...}",
            "what the service's endpoint rules give for these rule parameters: {url=, properties=, headers=}"
        ),
        "wait": (
            "client:wait(waiter, params, {delay=, max_attempts=, timeout=, progress=, on_poll=, since=})",
            "polls until the waiter's success state; raises WaiterFailed or WaiterTimeout otherwise"
        ),
        "waiters": ("client:waiters()", "the client's waiters, sorted, with those define_waiter added"),
        "define_waiter": (
            "client:define_waiter(name, {operation=, delay=, maxAttempts=, acceptors={...}})",
            "adds a waiter in botocore's waiters-2.json format"
        ),
        "upload_file": (
            "s3:upload_file(path, bucket, key, {progress=, on_progress=, threshold=, part_size=, concurrency=, "
                + "extra={...}})",
            "uploads a file, multipart above the threshold (8 MiB); extra adds PutObject parameters; "
                + "on_progress(done, total) hears of the bytes sent, up to ten times a second and once at the end"
        ),
        "download_file": (
            "s3:download_file(bucket, key, path, {progress=, on_progress=, threshold=, part_size=, concurrency=})",
            "downloads an object to a file, in ranged parts above the threshold, renamed into place when complete; "
                + "on_progress(done, total) hears of the bytes received, up to ten times a second and once at the end"
        ),
        "sync": (
            "s3:sync(from, to, {delete=, exclude=, include=, dryrun=, concurrency=, on_progress=})",
            "copies a folder to s3://bucket/prefix, S3 to a folder, or S3 to S3 (on the server), skipping what "
                + "aws s3 sync skips (same size, source not newer); returns {uploaded=, downloaded=, copied=, "
                + "deleted=, skipped=, bytes=, seconds=} (with dryrun, the plan instead of doing it)"
        ),
        "copy": (
            "s3:copy(\"bucket/key\" or {Bucket=, Key=, VersionId=}, bucket, key, "
                + "{multipart_threshold=, part_size=, concurrency=, extra={...}, on_progress=})",
            "copies an object on the server, in parts copied side by side (UploadPartCopy) above the threshold "
                + "(5 GiB), keeping its content type and metadata; on_progress(done, total) hears of the bytes "
                + "of the parts copied and once of the whole"
        ),
        "delete_prefix": (
            "s3:delete_prefix(bucket, prefix, {concurrency=})",
            "deletes every object under the prefix, 1,000 keys per DeleteObjects side by side; returns "
                + "{deleted=, failed=, requests=, seconds=} and raises DeleteFailed naming the keys that failed"
        ),
        "job_logs": (
            "glue:job_logs{JobName=, RunId=, follow=, on_line=, poll=}",
            "prints (or hands on_line) the run's log lines (output, error and continuous logging streams) "
                + "in time order; follow = true reads on until the run has ended; returns the line count and run state"
        ),
    ]

    /// The help text of built-in `method` of `client`: usage, summary, and the names it takes
    /// where the client has them (waiters, paginated operations).
    static func text(for method: String, of client: LuaClient) -> String {
        guard let entry = entries[method] else { return "\(client.name):\(method)(...): a built-in method" }
        let usage = entry.usage.replacingEvery(
            "client:", with: "\(client.name):"
        ).replacingEvery("s3:", with: "\(client.name):").replacingEvery(
            "glue:", with: "\(client.name):")
        var text = usage + "\n  " + entry.summary
        switch method {
        case "wait", "define_waiter":
            text += "\nwaiters: " + list(client.waiterNames)
        case "paginate", "collect":
            text += "\npaginated operations: " + list(paginatorNames(of: client))
        default: break
        }
        return text
    }

    /// The help text of `s3:sync`, `s3:copy` or `s3:delete_prefix`, methods written in Lua.
    static func text(forWrittenMethod method: String) -> String {
        entries[method].map { $0.usage + "\n  " + $0.summary } ?? "s3:\(method)(...): a built-in method"
    }

    static func paginatorNames(of client: LuaClient) -> [String] {
        client.client.model.paginators.keys.map { OperationName.pythonic($0) }.sorted()
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "(none)" : names.joined(separator: ", ") }
}
