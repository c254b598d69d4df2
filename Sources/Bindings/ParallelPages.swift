import AWSCore
import Host

/// A `client:paginate(...)` or `client:collect(...)` running inside `aws.parallel`: each page's
/// call goes through the scheduler, so other functions run while it is in flight.
final class ParallelPages {
    let client: LuaClient
    let paginator: Paginator
    let operation: String
    /// For `collect`: the pages so far, joined.
    var collected: JSONValue = .object([:])

    init(client: LuaClient, paginator: Paginator, operation: String) {
        self.client = client
        self.paginator = paginator
        self.operation = operation
    }
}

extension ParallelRuntime {
    /// `begin(client, operation, params, options)` → id; `request(id)` → the ticket of the next
    /// page's call, or nil when there are no more; `accept(id, ticket)` → the page;
    /// `add(id, ticket)` joins the page into the collected result, which `result(id)` gives;
    /// `finish(id)`.
    func pageFunctions() -> LuaTable {
        var functions = LuaTable(array: [])
        functions["begin"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                guard let client = call[1].object(as: LuaClient.self) else {
                    throw LuaError("paginate must be called with ':' (client:paginate(operation, params))")
                }
                let method = call[5].stringValue ?? "paginate"
                let paginator = try client.paginator(call, method: method)
                let operation = try client.client.model.operation(method: try call.string(2, "operation")).name
                lastPages += 1
                pages[lastPages] = ParallelPages(client: client, paginator: paginator, operation: operation)
                return [.integer(Int64(lastPages))]
            })
        functions["request"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                let walk = try self.walk(call[1])
                guard let input = try walk.paginator.nextInput() else { return [.nil] }
                return [.integer(Int64(try scheduler().submit(walk.client.client, walk.operation, input)))]
            })
        functions["accept"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                let walk = try self.walk(call[1])
                return [try walk.paginator.accept(try answer(call[2])).toLua()]
            })
        functions["add"] = .function(
            LuaFunction("collect") { [unowned self] call in
                let walk = try self.walk(call[1])
                try walk.paginator.add(try walk.paginator.accept(try answer(call[2])), to: &walk.collected)
                return []
            })
        functions["result"] = .function(
            LuaFunction("collect") { [unowned self] call in
                let walk = try self.walk(call[1])
                return [walk.paginator.collected(walk.collected).toLua()]
            })
        functions["finish"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                if let id = call[1].integerValue { pages[Int(id)] = nil }
                return []
            })
        return functions
    }

    private func walk(_ value: LuaValue) throws -> ParallelPages {
        guard let id = value.integerValue, let walk = pages[Int(id)] else {
            throw LuaError("aws.parallel: this pagination has already ended")
        }
        return walk
    }

    /// The page a finished ticket brought, or its error (Ctrl-C's own when interrupted).
    private func answer(_ ticket: LuaValue) throws -> JSONValue {
        switch try scheduler().take(Int(ticket.integerValue ?? 0)) {
        case .success(let page): return page
        case .failure(let error):
            if error.code == "Cancelled" && session.isInterrupted() { throw Interrupts.error }
            throw error
        }
    }
}
