import AWSCore

/// What the REPL offers inside a client's method call: waiter names in `wait("`, paginated
/// operations in `paginate("` and `collect("`, operations in `build_request("` and the like,
/// and an operation's parameter names in `op{`.
extension LuaClient {
    /// The built-in methods this client offers after `client:` (`job_logs` on Glue only).
    var builtinMethodNames: [String] {
        LuaClient.builtinNames.filter { $0 != "job_logs" || client.model.metadata.endpointPrefix == "glue" }
    }

    /// The names that fit argument `kind` (`"string"` or `"table"`) of `method`; for a table
    /// nested in the argument, `path` holds the keys leading to it (`[]` for list elements).
    func argumentCompletions(method: String, kind: String, path: [String] = []) -> [String] {
        switch (kind, method) {
        case ("string", "wait"): return waiterNames
        case ("string", "paginate"), ("string", "collect"): return BuiltinHelp.paginatorNames(of: self)
        case ("string", "build_request"), ("string", "presign"), ("string", "parse_response"):
            return client.model.methodNames
        case ("table", "job_logs"):
            return path.isEmpty ? ["JobName", "RunId", "follow", "on_line", "poll", "logs"] : []
        case ("table", _):
            guard !LuaClient.isBuiltin(method), let operation = try? client.model.operation(method: method),
                var shape = operation.input
            else { return [] }
            for key in path {
                let next = key == "[]" ? shape.member?.shape : shape.members[key]?.shape
                guard let next else { return [] }
                shape = next
            }
            return shape.kind == .structure ? Array(shape.members.keys) : []
        default: return []
        }
    }
}
