/// What `help(aws)` and `help(aws.name)` say of the `aws` module's functions (and of its one
/// value, `aws.json.null`), by their path in the module.
enum ModuleHelp {
    /// Usage line and one-line summary of each function, by path (`aws.json.encode`).
    static let entries: [String: (usage: String, summary: String)] = [
        "aws.client": (
            "aws.client(service, {region=, profile=, endpoint_url=, max_attempts=, retry_mode=, timeout=, ...})",
            "a client of a service (iam, s3, glue, sts, logs), or aws.client{service=, model=path} for any other"
        ),
        "aws.config": (
            "aws.config() or aws.config{region=, profile=, endpoint_url=, max_attempts=, retry_mode=, ...}",
            "what is resolved (region, profile, credentials source, ...), or sets the session's defaults"
        ),
        "aws.inspect": ("aws.inspect(value, {depth=})", "the value as the REPL prints it, as a string"),
        "aws.search": ("aws.search(expression, data)", "evaluates a JMESPath expression over data"),
        "aws.sign": (
            "aws.sign{method=, url=, headers=, body=, service=, region=, credentials=, time=, expires=}",
            "signs any HTTP request with SigV4 (or presigns it with expires)"
        ),
        "aws.parallel": (
            "aws.parallel(f1, f2, ...) or aws.parallel({f1, f2, ...}, {limit = 10, fail_fast = false})",
            "runs the functions side by side, their AWS calls, waits and sleeps overlapping; their first results in order"
        ),
        "aws.map": (
            "aws.map(items, fn, {limit = 10, fail_fast = false})",
            "fn(item, i) for each item, side by side as aws.parallel runs them; the results as a list in order"
        ),
        "aws.clock": ("aws.clock()", "seconds on a monotonic clock, with fractions"),
        "aws.sleep": ("aws.sleep(seconds)", "waits; Ctrl-C stops it"),
        "aws.json.encode": ("aws.json.encode(value, {pretty=, sort_keys=})", "the value as JSON text, keys sorted"),
        "aws.json.decode": (
            "aws.json.decode(text)", "the value of a JSON document; a null inside it is aws.json.null, at the top nil"
        ),
        "aws.json.array": ("aws.json.array(t)", "marks a table to encode as a JSON array, even when empty"),
        "aws.table": (
            "aws.table(rows, {columns = {...}, title = \"...\"})",
            "the rows (tables keyed by column) as an aligned text table, as the AWS CLI's --output table prints one section"
        ),
        "aws.csv.encode": (
            "aws.csv.encode(rows, {columns = {...}})", "RFC 4180 text: a header row, then one line (CRLF) per row"
        ),
        "aws.csv.decode": (
            "aws.csv.decode(text, {header = true})",
            "the rows of RFC 4180 text as tables keyed by the header row (with header = false: lists of fields)"
        ),
        "aws.json.null": (
            "aws.json.null", "JSON's null where nil cannot stand (in arrays, decoded documents); v == aws.json.null"
        ),
    ]

    /// The full help of one function, or nil when the path has none.
    static func text(for path: String) -> String? {
        entries[path].map { $0.usage + "\n  " + $0.summary }
    }

    /// One line per function path given: usage name and summary, aligned.
    static func listing(_ paths: [String], title: String) -> String {
        let width = (paths.map(\.count).max() ?? 0) + 2
        let lines = paths.sorted().map { path in
            path + String(repeating: " ", count: width - path.count) + (entries[path]?.summary ?? "(no help text)")
        }
        return ([title] + lines.map { "  " + $0 }).joined(separator: "\n")
    }
}
