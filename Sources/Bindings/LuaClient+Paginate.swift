import AWSCore
import Host

/// `client:paginate(op, params, {max_items=, page_size=, starting_token=})` (an iterator of
/// pages), `client:collect(...)` (one result with every page's items) and `client:paginators()`.
extension LuaClient {
    /// `paginate` and `collect`: each page is read in one pass straight into Lua tables
    /// (`pushWholePage`); a walk that `max_items` or a starting token may cut short reads its
    /// pages into `JSONValue`s, which the paginator cuts, and pushes them.
    static let paginationPushingBuiltins: [String: PushingBuiltin] = [
        "paginate": { client, call in
            try client.checkSelf(call, method: "paginate")
            let paginator = try client.paginator(call, method: "paginate")
            let operation = try client.client.model.operation(method: try call.string(2, "operation")).name
            let next = LuaFunction(pushing: "next page") { [aws = client.client] call in
                if paginator.takesPagesWhole {
                    if try LuaClient.pushWholePage(paginator, from: aws, operation: operation, call) { return 1 }
                    LuaStackBuilder(state: call.state, on: call.thread).pushNil()
                    return 1
                }
                return try LuaResultBuilder.push(try paginator.nextPage() ?? .null, on: call)
            }
            LuaStackBuilder(state: call.state, on: call.thread).push(.function(next))
            return 1
        },
        "collect": { client, call in
            try client.checkSelf(call, method: "collect")
            let paginator = try client.paginator(call, method: "collect")
            guard paginator.takesPagesWhole else { return try LuaResultBuilder.push(try paginator.collect(), on: call) }
            let operation = try client.client.model.operation(method: try call.string(2, "operation")).name
            return try client.collectWholePages(paginator, operation: operation, call)
        },
    ]

    static let paginationBuiltins: [String: Builtin] = [
        "paginators": { client, call in
            try client.checkSelf(call, method: "paginators")
            let names = client.client.model.paginators.keys.map { OperationName.pythonic($0) }.sorted()
            return [.table(LuaTable(array: names.map { .string($0) }))]
        }
    ]

    func paginator(_ call: LuaCall, method: String) throws -> Paginator {
        let operation = try client.model.operation(method: try call.string(2, "operation"))
        guard let definition = client.model.paginators[operation.name] else {
            let known = client.model.paginators.keys.map { OperationName.pythonic($0) }.sorted()
            throw AWSError(
                code: "ValidationError",
                message: "\(name):\(method): \(OperationName.pythonic(operation.name)) is not paginated"
                    + Suggestion.phrase(for: OperationName.pythonic(operation.name), among: known))
        }
        let params = try call[3] == .nil ? JSONValue.object([:]) : call.table(3, "params").toJSONValue()
        var options = PaginationOptions()
        if let settings = try call.optionalTable(4, "options") {
            let function = "\(name):\(method)"
            try OptionCheck.only(["max_items", "page_size", "starting_token"], in: settings, for: function)
            options.maxItems = try settings.integerOption("max_items", of: function)
            options.pageSize = try settings.integerOption("page_size", of: function)
            options.startingToken = try settings.stringOption("starting_token", of: function)
        }
        client.debugLog = session.debugLog
        let apiName = operation.name
        return try Paginator(
            definition: try PaginatorDefinition(definition), input: params, options: options,
            call: { [client] input in try client.call(apiName, input) })
    }
}
