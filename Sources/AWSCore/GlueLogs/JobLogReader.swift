import OrderedCollections

/// Reads a Glue job run's log streams from CloudWatch Logs, in time order, new lines only
/// on each read.
///
/// A run logs to `<base>/output` and `<base>/error` (base `/aws-glue/jobs`, and the run's
/// `LogGroupName` when it names another) in a stream named after the run id, and with continuous logging to
/// `<base>/logs-v2` in streams that start with the run id (`<run id>-driver`, one per
/// executor). Streams are found by that prefix (DescribeLogStreams) and read forward
/// (GetLogEvents with `nextForwardToken`); a group or stream that does not exist yet holds no
/// lines. Each read merges every stream's new lines by their time, a stream's own order kept
/// for equal times.
public final class JobLogReader {
    /// Calls a CloudWatch Logs operation by its API name.
    public typealias LogsCall = (_ operation: String, _ input: JSONValue) throws -> JSONValue

    public let runID: String
    public let groups: [String]
    private let call: LogsCall
    /// The forward token of each stream read so far, by group and stream.
    private var tokens: [String: String] = [:]
    /// Pages read from one stream in one read at most, so a read always ends.
    private let pagesPerRead = 100

    /// Reads under `/aws-glue/jobs`, and under `logGroupBase` too when the run names another
    /// (the run's `LogGroupName`, such as a group encrypted by a security configuration).
    public init(runID: String, logGroupBase: String? = nil, call: @escaping LogsCall) {
        var bases = ["/aws-glue/jobs"]
        if let given = logGroupBase.map({ $0.hasSuffix("/") ? String($0.dropLast()) : $0 }), !given.isEmpty,
            given != bases[0]
        {
            bases.append(given)
        }
        self.runID = runID
        self.groups = bases.flatMap { base in ["output", "error", "logs-v2"].map { base + "/" + $0 } }
        self.call = call
    }

    /// Every line logged since the last read, in time order.
    public func readNew() throws -> [JobLogLine] {
        var lines: [JobLogLine] = []
        for group in groups {
            for stream in try streams(in: group) {
                lines += try newLines(group: group, stream: stream)
            }
        }
        return stableSorted(lines)
    }

    /// The streams of `group` named after the run, sorted; none when the group is missing.
    private func streams(in group: String) throws -> [String] {
        var names: [String] = []
        var token: String?
        repeat {
            var input: OrderedDictionary<String, JSONValue> = [
                "logGroupName": .string(group), "logStreamNamePrefix": .string(runID),
            ]
            if let token { input["nextToken"] = .string(token) }
            let output: JSONValue
            do {
                output = try call("DescribeLogStreams", .object(input))
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                return []
            }
            names += (output["logStreams"]?.arrayValue ?? []).compactMap { $0["logStreamName"]?.stringValue }
            let next = output["nextToken"]?.stringValue
            token = next == token ? nil : next
        } while token != nil
        return names.filter { $0.hasPrefix(runID) }.sorted()
    }

    /// The lines of one stream after those read before.
    private func newLines(group: String, stream: String) throws -> [JobLogLine] {
        let key = group + "\n" + stream
        var lines: [JobLogLine] = []
        for _ in 0..<pagesPerRead {
            var input: OrderedDictionary<String, JSONValue> = [
                "logGroupName": .string(group), "logStreamName": .string(stream), "startFromHead": .bool(true),
            ]
            let previous = tokens[key]
            if let previous { input["nextToken"] = .string(previous) }
            let output: JSONValue
            do {
                output = try call("GetLogEvents", .object(input))
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                return lines
            }
            for event in output["events"]?.arrayValue ?? [] {
                lines.append(
                    JobLogLine(
                        timestamp: Int64(event["timestamp"]?.numberValue ?? 0), group: group, stream: stream,
                        message: event["message"]?.stringValue ?? ""))
            }
            // The end of the stream gives back the token it was given.
            guard let next = output["nextForwardToken"]?.stringValue, next != previous else { break }
            tokens[key] = next
        }
        return lines
    }

    private func stableSorted(_ lines: [JobLogLine]) -> [JobLogLine] {
        lines.enumerated().sorted { a, b in
            a.element.timestamp != b.element.timestamp ? a.element.timestamp < b.element.timestamp : a.offset < b.offset
        }.map(\.element)
    }
}
