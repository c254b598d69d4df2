import AWSCore
import Host

/// A `client:paginate(...)` or `client:collect(...)` running inside `aws.parallel`: each page's
/// call goes through the scheduler, so other functions run while it is in flight. Each answer
/// is read on the script's thread as outside `aws.parallel`: a walk that takes its pages whole
/// reads them straight into Lua tables (`LuaClient.pushWholePage`), which `collect` joins in
/// Lua (`CollectMerge`); one that may cut pages short reads them as `JSONValue`s.
final class ParallelPages {
    let client: LuaClient
    let paginator: Paginator
    let operation: String
    /// For `collect`: whether the pages are joined in Lua, decided before the first page as
    /// outside `aws.parallel`.
    let joinsInLua: Bool
    /// For `collect` of pages read as `JSONValue`s: the pages so far, joined.
    var collected: JSONValue = .object([:])

    init(client: LuaClient, paginator: Paginator, operation: String, joinsInLua: Bool) {
        self.client = client
        self.paginator = paginator
        self.operation = operation
        self.joinsInLua = joinsInLua
    }
}

extension ParallelRuntime {
    /// `begin(client, operation, params, options, method)` → id and, for a `collect` joined in
    /// Lua, the paths of its result keys; `request(id)` → the ticket of the next page's call,
    /// or nil when there are no more; `accept(id, ticket)` → the page; `add(id, ticket)` joins
    /// a page read as JSON into the collected result; `result(id)` → that result, or for a
    /// `collect` joined in Lua what to merge into the joined pages; `finish(id)`. `join` and
    /// `merge` are `CollectMerge`'s functions.
    func pageFunctions(in state: LuaState) throws -> LuaTable {
        var functions = LuaTable(array: [])
        let merging = try CollectMerge.functions(in: state)
        functions["join"] = merging[0]
        functions["merge"] = merging[1]
        functions["begin"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                guard let client = call[1].object(as: LuaClient.self) else {
                    throw LuaError("paginate must be called with ':' (client:paginate(operation, params))")
                }
                let method = call[5].stringValue ?? "paginate"
                let paginator = try client.paginator(call, method: method)
                let operation = try client.client.model.operation(method: try call.string(2, "operation")).name
                let joinsInLua = method == "collect" && paginator.takesPagesWhole
                lastPages += 1
                pages[lastPages] = ParallelPages(
                    client: client, paginator: paginator, operation: operation, joinsInLua: joinsInLua)
                guard joinsInLua else { return [.integer(Int64(lastPages))] }
                let paths = JSONValue.array(paginator.resultKeyPaths.map { .array($0.map(JSONValue.string)) })
                return [.integer(Int64(lastPages)), paths.toLua()]
            })
        functions["request"] = .function(
            LuaFunction("paginate") { [unowned self] call in
                let walk = try self.walk(call[1])
                guard let input = try walk.paginator.nextInput() else { return [.nil] }
                return [.integer(Int64(try scheduler().submit(walk.client.client, walk.operation, input)))]
            })
        functions["accept"] = .function(
            LuaFunction(pushing: "paginate") { [unowned self] call in
                let walk = try self.walk(call[1])
                let answer = try answer(call[2])
                guard walk.paginator.takesPagesWhole else {
                    return try LuaResultBuilder.push(try walk.paginator.accept(try answer.output()), on: call)
                }
                try LuaClient.pushWholePage(walk.paginator, reading: answer, call)
                return 1
            })
        functions["add"] = .function(
            LuaFunction("collect") { [unowned self] call in
                let walk = try self.walk(call[1])
                let page = try walk.paginator.accept(try answer(call[2]).output())
                try walk.paginator.add(page, to: &walk.collected)
                return []
            })
        functions["result"] = .function(
            LuaFunction(pushing: "collect") { [unowned self] call in
                let walk = try self.walk(call[1])
                return try LuaResultBuilder.push(walk.paginator.collected(walk.collected), on: call)
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

    /// The answer a finished ticket brought, or its error (Ctrl-C's own when interrupted).
    private func answer(_ ticket: LuaValue) throws -> CallAnswer {
        switch try scheduler().take(Int(ticket.integerValue ?? 0)) {
        case .success(let page?): return page
        case .success(nil): throw LuaError("aws.parallel: this page's answer was already taken")
        case .failure(let error):
            if error.code == "Cancelled" && session.isInterrupted() { throw Interrupts.error }
            throw error
        }
    }
}
