import AWSCore
import Host

/// `client:paginate(op, params, {max_items=, page_size=, starting_token=})` (an iterator of
/// pages), `client:collect(...)` (one result with every page's items) and `client:paginators()`.
extension LuaClient {
    /// `paginate` and `collect`: each page is read in one pass into a `JSONValue` (whose
    /// output tokens the paginator reads) and pushed as Lua tables with no other copy.
    static let paginationPushingBuiltins: [String: PushingBuiltin] = [
        "paginate": { client, call in
            try client.checkSelf(call, method: "paginate")
            let paginator = try client.paginator(call, method: "paginate")
            let next = LuaFunction(pushing: "next page") { call in
                try LuaResultBuilder.push(try paginator.nextPage() ?? .null, on: call)
            }
            LuaStackBuilder(state: call.state, on: call.thread).push(.function(next))
            return 1
        },
        "collect": { client, call in
            try client.checkSelf(call, method: "collect")
            return try LuaResultBuilder.push(try client.paginator(call, method: "collect").collect(), on: call)
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
