import AWSCore
import Host

/// A client as Lua holds it: `aws.client("glue")`. Operations are methods named as boto3
/// names them (`glue:create_crawler{...}`); built-in methods explore and extend the client.
final class LuaClient {
    let client: AWSClient
    let session: Session
    /// Method functions made so far, so `glue.get_databases` is the same function each time.
    var methods: [String: LuaFunction] = [:]
    /// Operation methods that yield inside `aws.parallel`, made so far.
    var yieldingMethods: [String: LuaValue] = [:]
    /// The curl multi handle of this client's transfers, kept so that connections are reused
    /// from one transfer to the next; the parts in flight are limited by each transfer.
    private var transfers: CurlMultiTransport?

    func parallelTransport() throws -> CurlMultiTransport {
        if let transfers { return transfers }
        let made = try CurlMultiTransport(userAgent: AWSClient.userAgent, maxConcurrent: 64)
        transfers = made
        return made
    }

    /// Waiters the script defined with `define_waiter`, by snake_case name.
    var customWaiters: [String: WaiterDefinition] = [:]

    init(client: AWSClient, session: Session) {
        self.client = client
        self.session = session
    }

    var name: String { client.serviceName }

    static let metatableName = "aws.client"

    /// Registers the userdata type: `__index` finds built-ins and operations by name.
    static func register(in state: LuaState) {
        state.registerType(
            LuaClient.self, name: metatableName,
            metamethods: [
                "__index": { call in
                    guard let client = call[1].object(as: LuaClient.self), let key = call[2].stringValue else {
                        return [.nil]
                    }
                    return [try client.methodValue(named: key, in: call.state)]
                },
                "__tostring": { call in
                    guard let client = call[1].object(as: LuaClient.self) else { return ["aws.client"] }
                    return [.string("aws.client(\(client.name), \(client.client.region))")]
                },
                "__complete": { call in
                    guard let client = call[1].object(as: LuaClient.self) else { return [.nil] }
                    if let method = call[2].stringValue, let kind = call[3].stringValue {
                        let path = call.arguments.dropFirst(3).compactMap(\.stringValue)
                        let names = client.argumentCompletions(method: method, kind: kind, path: path)
                        return [.table(LuaTable(array: names.map { .string($0) }))]
                    }
                    let names = client.client.model.methodNames + client.builtinMethodNames
                    return [.table(LuaTable(array: names.map { .string($0) }))]
                },
            ])
    }

    /// The function for method `name`: a built-in, or an operation of the service.
    func method(named name: String) throws -> LuaFunction {
        if let cached = methods[name] { return cached }
        let function: LuaFunction
        // The functions hold their client weakly: the client keeps them, and a client Lua has
        // let go of must be freed with its connection.
        let serviceName = self.name
        if let builtin = LuaClient.pushingBuiltins[name] {
            function = LuaFunction(pushing: name) { [weak self] call in
                guard let self else { throw LuaClient.collected(serviceName, name) }
                return try builtin(self, call)
            }
            function.help = { [weak self] in self.map { BuiltinHelp.text(for: name, of: $0) } ?? "" }
        } else if let builtin = LuaClient.builtins[name] {
            function = LuaFunction(name) { [weak self] call in
                guard let self else { throw LuaClient.collected(serviceName, name) }
                return try builtin(self, call)
            }
            function.help = { [weak self] in self.map { BuiltinHelp.text(for: name, of: $0) } ?? "" }
        } else {
            let operation = try client.model.operation(method: name)
            let method = OperationName.pythonic(operation.name)
            function = LuaFunction(stack: name) { [weak self] state, L in
                guard let self else { throw LuaClient.collected(serviceName, name) }
                return try self.invoke(operation, method: method, name: name, state: state, on: L)
            }
            function.help = { Help.describe(operation, client: serviceName) }
        }
        methods[name] = function
        return function
    }

    /// `client:op(params, options)`: params as the API names them, options for the call;
    /// `method` is the operation's snake_case name, for errors. The result is built as Lua
    /// tables while the answer is read (`LuaResultBuilder`) and left on the stack: one value.
    func invoke(_ operation: OperationModel, method: String, _ call: LuaCall) throws -> Int32 {
        try checkSelf(call, method: method)
        var table = try call[2] == .nil ? LuaTable(array: []) : call.table(2, "params")
        var options = CallOptions()
        options.requestBody = try fileBody(for: operation, params: &table, state: call.state)
        return try perform(operation, method: method, call, params: try table.toJSONValue(), options: options)
    }

    /// Sends the call with `params` made, reading its options (argument 3) first.
    func perform(
        _ operation: OperationModel, method: String, _ call: LuaCall, params: JSONValue, options: CallOptions
    ) throws -> Int32 {
        var options = options
        if let settings = try call.optionalTable(3, "options") {
            let function = "\(name):\(method)"
            try OptionCheck.only(["to_file"], in: settings, for: function)
            options.responseBodyPath = try settings.stringOption("to_file", of: function)
        }
        client.debugLog = session.debugLog
        do {
            return try LuaResultBuilder.pushObject(on: call) { result in
                try client.call(operation.name, params, options: options, into: &result)
            }
        } catch let error as AWSError where error.code == "Cancelled" && session.isInterrupted() {
            throw Interrupts.error
        }
    }

    static func collected(_ service: String, _ method: String) -> LuaError {
        LuaError("\(service).\(method): its client was collected; keep the client in a variable")
    }

    /// A method called with `.` instead of `:` gets a clear error instead of a confusing one.
    func checkSelf(_ call: LuaCall, method: String) throws {
        guard call[1].object(as: LuaClient.self) === self else {
            throw LuaError("\(name).\(method) must be called with ':' (\(name):\(method){...})")
        }
    }
}

extension LuaTable {
    /// This table as API data (see `LuaValue.toJSON`).
    func toJSONValue() throws -> JSONValue { try LuaValue.table(self).toJSON() }
}
