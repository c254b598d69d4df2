import Host

extension LuaClient {
    /// What `client.name` gives Lua: `s3:delete_prefix` and `s3:copy` (written in Lua); a
    /// built-in as it is (but `wait`, `paginate` and `collect`, which yield like an operation); an operation as a method that
    /// yields while its request is in flight inside `aws.parallel` and blocks elsewhere.
    func methodValue(named name: String, in state: LuaState) throws -> LuaValue {
        if client.model.metadata.endpointPrefix == "s3", let written = session.parallel?.s3Methods[name],
            written != .nil
        {
            return written
        }
        let function = try method(named: name)
        let yieldingBuiltins: Set = ["wait", "paginate", "collect"]
        guard let runtime = session.parallel, yieldingBuiltins.contains(name) || !LuaClient.isBuiltin(name) else {
            return .function(function)
        }
        if let made = yieldingMethods[name] { return made }
        let made: LuaValue
        switch name {
        case "wait": made = try runtime.waitMethod(invoke: function, in: state)
        case "paginate", "collect": made = try runtime.pageMethod(name, invoke: function, in: state)
        default: made = try runtime.method(client.model.operation(method: name).name, invoke: function, in: state)
        }
        yieldingMethods[name] = made
        return made
    }
}
