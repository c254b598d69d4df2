import AWSCore
import Host

/// `glue:job_logs{JobName=, RunId=, follow=, on_line=, poll=, logs=}`: a Glue job run's
/// output, error and continuous-logging lines from CloudWatch Logs, in time order.
extension LuaClient {
    static let jobLogBuiltins: [String: Builtin] = [
        "job_logs": { client, call in
            try client.checkSelf(call, method: "job_logs")
            return try client.jobLogs(call)
        }
    ]

    private func jobLogs(_ call: LuaCall) throws -> [LuaValue] {
        let function = "\(name):job_logs"
        guard client.model.metadata.endpointPrefix == "glue" else {
            throw AWSError(code: "UnknownOperation", message: "\(function): job_logs is a method of Glue clients")
        }
        let settings = try call.table(2, "options")
        try OptionCheck.only(["JobName", "RunId", "follow", "on_line", "poll", "logs"], in: settings, for: function)
        guard let jobName = try settings.stringOption("JobName", of: function),
            let runID = try settings.stringOption("RunId", of: function)
        else {
            throw AWSError(code: "ValidationError", message: "\(function): JobName and RunId are required")
        }
        var follower = JobLogFollower()
        follower.follow = try settings.booleanOption("follow", of: function) ?? false
        if let poll = try settings.numberOption("poll", of: function) {
            guard poll > 0, poll.isFinite else {
                throw AWSError(
                    code: "ValidationError", message: "\(function): option 'poll' must be a number of seconds above 0")
            }
            follower.pollInterval = poll
        }
        follower.isCancelled = session.isInterrupted
        let onLine = settings["on_line"]
        switch onLine {
        case .nil, .function, .reference: break
        default: throw AWSError(code: "ValidationError", message: "\(function): option 'on_line' must be a function")
        }
        let logs = try logsClient(settings["logs"], function: function)

        client.debugLog = session.debugLog
        let runInput = JSONValue.object(["JobName": .string(jobName), "RunId": .string(runID)])
        let run = try client.call("GetJobRun", runInput)["JobRun"]
        let reader = JobLogReader(runID: runID, logGroupBase: run?["LogGroupName"]?.stringValue) { operation, input in
            logs.client.debugLog = logs.session.debugLog
            return try logs.client.call(operation, input)
        }
        let print = call.state.globalReference("print")
        do {
            let (count, state) = try follower.run(
                reader: reader, initialState: run?["JobRunState"]?.stringValue,
                runState: { [client] in try client.call("GetJobRun", runInput)["JobRun"]?["JobRunState"]?.stringValue },
                emit: { line in
                    if onLine == .nil {
                        try call.callBack(
                            print, [.string("\(line.time) [\(line.source(runID: runID))] \(line.message)")])
                    } else {
                        try call.callBack(onLine, [.table(Self.table(for: line, runID: runID))])
                    }
                })
            return [.integer(Int64(count)), state.map { .string($0) } ?? .nil]
        } catch let error as AWSError where error.code == "Cancelled" {
            throw Interrupts.error
        }
    }

    /// The client that reads the logs: the one given, or a CloudWatch Logs client in this
    /// client's region with the session's settings.
    private func logsClient(_ given: LuaValue, function: String) throws -> LuaClient {
        if given == .nil {
            return try ClientFunction.make(["service": "logs", "region": .string(client.region)], session: session)
        }
        guard let logs = given.object(as: LuaClient.self), logs.client.model.metadata.endpointPrefix == "logs" else {
            throw AWSError(
                code: "ValidationError", message: "\(function): option 'logs' must be a CloudWatch Logs client")
        }
        return logs
    }

    /// A line as the script gets it: `{time=, timestamp=, group=, stream=, source=, message=}`.
    static func table(for line: JobLogLine, runID: String) -> LuaTable {
        [
            "time": .string(line.time), "timestamp": .integer(line.timestamp), "group": .string(line.group),
            "stream": .string(line.stream), "source": .string(line.source(runID: runID)),
            "message": .string(line.message),
        ]
    }
}
