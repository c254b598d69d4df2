import Host

extension LuaClient {
    /// The built-ins that yield inside `aws.parallel` as operations do.
    private static let yieldingBuiltins: Set = ["wait", "paginate", "collect"]
    /// The transfers, which yield part by part.
    private static let yieldingTransfers: Set = ["upload_file", "download_file"]

    /// What `client.name` gives Lua: `s3:delete_prefix` and `s3:copy` (written in Lua); a
    /// built-in as it is (but `wait`, `paginate`, `collect`, `upload_file` and `download_file`,
    /// which yield like an operation; a transfer given `on_progress` is driven from Lua even
    /// outside `aws.parallel`, so the callback runs in Lua); an operation as a method that
    /// yields while its request is in flight inside `aws.parallel` and blocks elsewhere.
    func methodValue(named name: String, in state: LuaState) throws -> LuaValue {
        if client.model.metadata.endpointPrefix == "s3", let written = try session.parallel?.s3Method(name, in: state),
            written != .nil
        {
            return written
        }
        if let made = yieldingMethods[name] { return made }
        let function = try method(named: name)
        guard let runtime = session.parallel,
            Self.yieldingBuiltins.contains(name) || Self.yieldingTransfers.contains(name)
                || !LuaClient.isBuiltin(name)
        else {
            return .function(function)
        }
        let made: LuaValue
        switch name {
        case "wait": made = try runtime.waitMethod(invoke: function, in: state)
        case "paginate", "collect": made = try runtime.pageMethod(name, invoke: function, in: state)
        case _ where Self.yieldingTransfers.contains(name):
            made = try runtime.transferMethod(name, invoke: function, in: state)
        default: made = try runtime.method(client.model.operation(method: name).name, invoke: function, in: state)
        }
        yieldingMethods[name] = made
        return made
    }
}
