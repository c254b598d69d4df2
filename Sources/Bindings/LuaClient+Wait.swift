import AWSCore
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `client:wait(name, params, options)`, `client:waiters()` and
/// `client:define_waiter(name, definition)`.
extension LuaClient {
    static let waiterBuiltins: [String: Builtin] = [
        "wait": { client, call in
            try client.checkSelf(call, method: "wait")
            return [try client.wait(call)]
        },
        "waiters": { client, call in
            try client.checkSelf(call, method: "waiters")
            return [.table(LuaTable(array: client.waiterNames.map { .string($0) }))]
        },
        "define_waiter": { client, call in
            try client.checkSelf(call, method: "define_waiter")
            let name = try call.string(2, "name")
            let json = try call.table(3, "definition").toJSONValue()
            let definition = try WaiterDefinition(json, name: name)
            guard client.client.model.operations.keys.contains(definition.operation) else {
                throw AWSError(
                    code: "InvalidWaiter",
                    message: "waiter \(name): \(client.name) has no operation \(definition.operation)")
            }
            client.customWaiters[WaiterName.snakeCase(name)] = definition
            return []
        },
    ]

    /// Every waiter by its snake_case name: the model's and the script's own, sorted.
    var waiterNames: [String] {
        Set(client.model.waiters.keys.map(WaiterName.snakeCase)).union(customWaiters.keys).sorted()
    }

    private func waiterDefinition(_ name: String) throws -> (String, WaiterDefinition) {
        let snake = WaiterName.snakeCase(name)
        if let custom = customWaiters[snake] { return (snake, custom) }
        if let resolved = WaiterName.resolve(name, among: Array(client.model.waiters.keys)),
            let json = client.model.waiters[resolved]
        {
            return (WaiterName.snakeCase(resolved), try WaiterDefinition(json, name: resolved))
        }
        throw AWSError(
            code: "UnknownWaiter",
            message: "\(self.name) has no waiter \(name)" + Suggestion.phrase(for: snake, among: waiterNames)
                + (waiterNames.isEmpty ? "" : " (waiters: \(waiterNames.joined(separator: ", ")))"))
    }

    /// A wait as the script asked for it: `client:wait(name, params, options)` read and checked.
    struct WaitRequest {
        var waiterName: String
        var definition: WaiterDefinition
        var params: JSONValue
        var options: WaiterOptions
        var showProgress: Bool
    }

    /// Reads the arguments of `client:wait(name, params, options)`.
    func waitRequest(_ call: LuaCall) throws -> WaitRequest {
        let (waiterName, definition) = try waiterDefinition(try call.string(2, "waiter name"))
        let params = try call[3] == .nil ? JSONValue.object([:]) : call.table(3, "params").toJSONValue()
        var options = WaiterOptions()
        options.isCancelled = session.isInterrupted
        var showProgress = StatusLine.stderrIsTerminal
        if let settings = try call.optionalTable(4, "options") {
            let function = "\(name):wait"
            try OptionCheck.only(
                ["delay", "max_attempts", "timeout", "progress", "on_poll", "since"], in: settings, for: function)
            options.delay = try settings.numberOption("delay", of: function)
            options.maxAttempts = try settings.integerOption("max_attempts", of: function)
            if let attempts = options.maxAttempts, attempts < 1 {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(function): option 'max_attempts' must be 1 or more, got \(attempts)")
            }
            options.timeout = try settings.numberOption("timeout", of: function)
            options.since = try settings.stringOption("since", of: function).map {
                guard let time = Timestamp(parsing: $0) else {
                    throw AWSError(
                        code: "ValidationError",
                        message:
                            "\(function): option 'since' must be an ISO 8601 time such as 2026-11-26T00:30:34Z, got \($0)"
                    )
                }
                return time.epochSeconds
            }
            if let progress = try settings.booleanOption("progress", of: function) { showProgress = progress }
            switch settings["on_poll"] {
            case .nil: break
            case .function, .reference:
                let callback = settings["on_poll"]
                options.onPoll = { response, error, attempt in
                    let value: LuaValue = response?.toLua() ?? error.map { .table(ErrorTable.table(for: $0)) } ?? .nil
                    try call.callBack(callback, [value, .integer(Int64(attempt))])
                }
            default:
                throw AWSError(code: "ValidationError", message: "\(function): option 'on_poll' must be a function")
            }
        }
        return WaitRequest(
            waiterName: waiterName, definition: definition, params: params, options: options,
            showProgress: showProgress)
    }

    private func wait(_ call: LuaCall) throws -> LuaValue {
        var request = try waitRequest(call)
        let waiterName = request.waiterName
        let status = StatusLine(enabled: request.showProgress)
        if request.showProgress {
            request.options.progress = { progress in
                status.show(WaiterProgressLine(progress, name: waiterName).text)
            }
        }
        defer { status.clear() }
        client.debugLog = session.debugLog
        let apiName = request.definition.operation
        let params = request.params
        let waiter = Waiter(name: waiterName, definition: request.definition, options: request.options)
        do {
            return try waiter.wait(call: { [client] input in try client.call(apiName, input) }, input: params).toLua()
        } catch var error as AWSError {
            error.service = name
            if error.code == "Cancelled" { throw Interrupts.error }
            throw error
        }
    }
}
