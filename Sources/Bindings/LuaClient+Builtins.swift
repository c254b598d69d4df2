import AWSCore
import Host

/// The methods every client has besides its operations.
extension LuaClient {
    typealias Builtin = @Sendable (LuaClient, LuaCall) throws -> [LuaValue]

    static let builtins: [String: Builtin] = coreBuiltins.merging(paginationBuiltins) { $1 }
        .merging(waiterBuiltins) { $1 }.merging(transferBuiltins) { $1 }
        .merging(endpointBuiltins) { $1 }.merging(jobLogBuiltins) { $1 }

    private static let coreBuiltins: [String: Builtin] = [
        "operations": { client, call in
            try client.checkSelf(call, method: "operations")
            return [.table(LuaTable(array: client.client.model.methodNames.sorted().map { .string($0) }))]
        },
        "build_request": { client, call in
            try client.checkSelf(call, method: "build_request")
            let operation = try client.client.model.operation(method: try call.string(2, "operation"))
            let params = try call[3] == .nil ? JSONValue.object([:]) : call.table(3, "params").toJSONValue()
            let request = try client.client.buildRequest(operation.name, params)
            return [.table(RequestTable.table(for: request))]
        },
        "presign": { client, call in
            try client.checkSelf(call, method: "presign")
            let operation = try client.client.model.operation(method: try call.string(2, "operation"))
            let params = try call[3] == .nil ? JSONValue.object([:]) : call.table(3, "params").toJSONValue()
            var expires = 3600
            if let settings = try call.optionalTable(4, "options") {
                try OptionCheck.only(["expires"], in: settings, for: "\(client.name):presign")
                expires = try settings.integerOption("expires", of: "\(client.name):presign") ?? expires
            }
            return [.string(try client.client.presign(operation.name, params, expires: expires))]
        },
    ]

    /// Built-ins that push their results themselves (large answers, built as they are read);
    /// they return how many values they pushed.
    typealias PushingBuiltin = @Sendable (LuaClient, LuaCall) throws -> Int32

    static let pushingBuiltins: [String: PushingBuiltin] = corePushingBuiltins.merging(paginationPushingBuiltins) {
        $1
    }

    private static let corePushingBuiltins: [String: PushingBuiltin] = [
        "parse_response": { client, call in
            try client.checkSelf(call, method: "parse_response")
            let operation = try client.client.model.operation(method: try call.string(2, "operation"))
            let response = try RequestTable.response(from: try call.table(3, "response"))
            return try LuaResultBuilder.pushObject(on: call) { builder in
                try client.client.readResponse(operation.name, response, into: &builder)
            }
        }
    ]

    static var builtinNames: [String] { Array(builtins.keys) + Array(pushingBuiltins.keys) }

    /// Whether `name` is a built-in method rather than an operation.
    static func isBuiltin(_ name: String) -> Bool { builtins[name] != nil || pushingBuiltins[name] != nil }
}
