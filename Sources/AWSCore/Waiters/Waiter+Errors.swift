/// The errors a wait ends with, built from its last poll.
extension Waiter {
    struct LastPoll {
        var attempt: Int
        var elapsed: Double
        var state: String
        var error: AWSError?
    }

    func failed(_ last: LastPoll, because explanation: String) -> AWSError {
        error(
            "WaiterFailed", last, reason: nil,
            message: "waiter \(name) failed after \(Self.count(last.attempt)): last state \(last.state) "
                + "(matched \(explanation))")
    }

    func timedOut(_ last: LastPoll, reason: String) -> AWSError {
        let limit = reason == "timeout" ? "its \(Self.seconds(options.timeout ?? 0)) time-out" : "its maximum attempts"
        return error(
            "WaiterTimeout", last, reason: reason,
            message: "waiter \(name) gave up after \(Self.count(last.attempt)) in \(Self.seconds(last.elapsed)) "
                + "(\(limit)): last state \(last.state)")
    }

    private func error(_ code: String, _ last: LastPoll, reason: String?, message: String) -> AWSError {
        var fields: [String: JSONValue] = [
            "waiter": .string(name), "attempts": .integer(Int64(last.attempt)), "last_state": .string(last.state),
        ]
        if let reason { fields["reason"] = .string(reason) }
        var text = message
        if let pollError = last.error {
            fields["error_code"] = .string(pollError.code)
            if let status = pollError.status { fields["status"] = .integer(Int64(status)) }
            text += ": \(pollError.message)"
        }
        return AWSError(
            code: code, message: text, status: last.error?.status, requestID: last.error?.requestID,
            operation: definition.operation, attempts: last.attempt, fields: fields)
    }

    static func count(_ attempts: Int) -> String { attempts == 1 ? "1 attempt" : "\(attempts) attempts" }

    static func seconds(_ value: Double) -> String { WaiterProgressLine.duration(value) }
}
