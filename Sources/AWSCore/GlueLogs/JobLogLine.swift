/// One line of a Glue job run's CloudWatch Logs: when it was logged, where, and its text.
public struct JobLogLine: Sendable, Equatable {
    /// Milliseconds since 1970 UTC, as CloudWatch Logs records them.
    public var timestamp: Int64
    /// The log group (`/aws-glue/jobs/output`) and stream (`jr_...`, `jr_...-driver`).
    public var group: String
    public var stream: String
    /// The text, without a trailing line break.
    public var message: String

    public init(timestamp: Int64, group: String, stream: String, message: String) {
        self.timestamp = timestamp
        self.group = group
        self.stream = stream
        var text = message
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        self.message = text
    }

    /// The time as ISO 8601 UTC with milliseconds (`2026-12-01T01:15:26.429Z`).
    public var time: String { Timestamp(epochSeconds: Double(timestamp) / 1000).iso8601 }

    /// A short name of where the line comes from: the group's last part (`output`, `error`,
    /// `logs-v2`), and for a stream named beyond the run id its suffix (`logs-v2 driver`).
    public func source(runID: String) -> String {
        let groupName = group.split(separator: "/").last.map(String.init) ?? group
        guard stream != runID else { return groupName }
        var suffix = stream.hasPrefix(runID) ? String(stream.dropFirst(runID.count)) : stream
        while suffix.hasPrefix("-") || suffix.hasPrefix("_") { suffix.removeFirst() }
        return suffix.isEmpty ? groupName : groupName + " " + suffix
    }
}
