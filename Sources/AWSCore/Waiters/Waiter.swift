import OrderedCollections

/// Polls an operation until one of a waiter's acceptors says success or failure, with
/// botocore's semantics: acceptors are tried in order and the first match decides; a poll that
/// matches nothing keeps the waiter polling, unless it failed, in which case its error ends the
/// wait unchanged.
///
/// On success `wait` returns the last response. When the success was matched on an error
/// (S3 `BucketNotExists`: HTTP 404; an `error` acceptor), it returns botocore's shape of an
/// error response instead: `{"Error": {"Code", "Message"}, "ResponseMetadata":
/// {"HTTPStatusCode", "RequestId"}}`.
///
/// Otherwise it throws an `AWSError`:
/// - `WaiterFailed`: a failure acceptor matched;
/// - `WaiterTimeout`: `maxAttempts` polls were made, or `timeout` seconds went by;
/// - `Cancelled`: `isCancelled` said so (checked before each poll and every sleep slice).
///
/// `WaiterFailed` and `WaiterTimeout` carry `fields` `waiter`, `attempts`, `last_state` and,
/// when the last poll failed, `error_code` (and the error's status as `status`).
public struct Waiter {
    public let name: String
    public let definition: WaiterDefinition
    public var options: WaiterOptions

    public init(name: String, definition: WaiterDefinition, options: WaiterOptions = WaiterOptions()) {
        self.name = name
        self.definition = definition
        self.options = options
    }

    /// A waiter from the JSON of one entry of `waiters-2.json`; throws `InvalidWaiter`.
    public init(name: String, definition json: JSONValue, options: WaiterOptions = WaiterOptions()) throws {
        self.init(name: name, definition: try WaiterDefinition(json, name: name), options: options)
    }

    /// Polls `call` with `input` until the waiter succeeds, fails or runs out of time.
    public func wait(call: OperationCall, input: JSONValue) throws -> JSONValue {
        var run = WaiterRun(self)
        while true {
            try run.beginPoll()
            var response: JSONValue?
            var failure: AWSError?
            do {
                response = try call(input)
            } catch let error as AWSError {
                failure = error
            }
            switch try run.judge(response: response, failure: failure) {
            case .finished(let last):
                return last
            case .pause(let seconds):
                try sleep(seconds, run: run)
                try run.endPause()
            }
        }
    }

    /// Slack when comparing clock readings, so rounding does not cost a final poll.
    static let clockTolerance = 0.001

    private func sleep(_ seconds: Double, run: WaiterRun) throws {
        let slice = options.sleepSlice > 0 ? options.sleepSlice : 0.05
        let steps = Int(min(max(0, (seconds / slice).rounded(.up)), 1e12))
        for _ in 0..<max(0, steps) {
            try run.checkCancelled()
            options.sleep(seconds / Double(steps))
        }
    }

    /// The state to show: the progress argument's value, else the first path acceptor's, else
    /// the error code, else the HTTP status.
    func stateText(response: JSONValue?, error: AWSError?) -> String {
        if let error { return error.code }
        guard let response else { return "no response" }
        let expression =
            definition.progressArgument ?? definition.acceptors.lazy.compactMap { $0.matcher.argument }.first
        if let expression, let value = try? expression.search(response) { return Self.text(value) }
        return "HTTP \(WaiterAcceptor.status(of: response))"
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .null: return "none"
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }):
            return items.compactMap(\.stringValue).joined(separator: ", ")
        default: return (try? JSONEncoding.encodeString(value, options: .base64Binary)) ?? "?"
        }
    }

    /// botocore's form of an error response, returned when an error meant success.
    static func errorResponse(_ error: AWSError) -> JSONValue {
        var metadata: OrderedDictionary<String, JSONValue> = [:]
        if let status = error.status { metadata["HTTPStatusCode"] = .integer(Int64(status)) }
        if let id = error.requestID { metadata["RequestId"] = .string(id) }
        return .object([
            "Error": .object(["Code": .string(error.code), "Message": .string(error.message)]),
            "ResponseMetadata": .object(metadata),
        ])
    }
}
