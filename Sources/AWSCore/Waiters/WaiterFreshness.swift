/// gluescript's guard against a stale final state, read from a waiter definition's
/// `"freshness"` key (an extension to botocore's format, which botocore ignores):
///
/// ```json
/// "freshness": {"argument": "Crawler.LastCrawl.StartTime", "skewSeconds": 30, "acceptAfterAttempts": 3}
/// ```
///
/// Why: right after `start_crawler`, Glue may still answer READY with the *previous* crawl's
/// status for a moment, so a plain waiter could succeed (or fail) on a crawl that is not the
/// one just started. JMESPath cannot compare with the time the wait began, so the engine does.
///
/// A `success` or `failure` match is accepted only when one of these holds, and otherwise
/// counts as `retry`:
/// 1. an earlier poll of this wait matched a `retry` acceptor (the activity was seen in
///    progress: a crawl goes READY -> RUNNING -> STOPPING -> READY);
/// 2. `argument` is a timestamp (ISO 8601 text or epoch seconds) no earlier than the
///    reference time less `skewSeconds`; the reference time is `WaiterOptions.since` when given
///    (when the script started the activity), otherwise the moment the wait began. This accepts
///    at once a crawl that finished before the first poll;
/// 3. this is poll number `acceptAfterAttempts` or later: the safety net that keeps the wait
///    from running until its time-out when the activity finished before the first poll and
///    carries no usable timestamp (or clocks disagree by more than `skewSeconds`).
///
/// Waiting on a crawler that nobody just started therefore takes `acceptAfterAttempts - 1`
/// delays longer than a plain check would: `get_crawler` is the way to read its state now.
public struct WaiterFreshness: Sendable {
    /// Where the timestamp of the awaited activity's start is in the response.
    public var argument: JMESPathExpression
    /// How much older than the reference time that timestamp may be and still count as new.
    public var skewSeconds: Double
    /// From this poll on, a final state is accepted whatever its timestamp.
    public var acceptAfterAttempts: Int

    public init(argument: JMESPathExpression, skewSeconds: Double = 30, acceptAfterAttempts: Int = 3) {
        self.argument = argument
        self.skewSeconds = skewSeconds
        self.acceptAfterAttempts = acceptAfterAttempts
    }

    /// Whether a final state seen on poll `attempt` may be believed.
    func accepts(response: JSONValue?, attempt: Int, sawRetry: Bool, reference: Double) -> Bool {
        if sawRetry || attempt >= acceptAfterAttempts { return true }
        guard let response, let value = try? argument.search(response), let started = Self.epochSeconds(value)
        else { return false }
        return started >= reference - skewSeconds
    }

    static func epochSeconds(_ value: JSONValue) -> Double? {
        switch value {
        case .integer, .double: return value.numberValue
        case .string(let text): return Timestamp(parsing: text)?.epochSeconds
        default: return nil
        }
    }
}
