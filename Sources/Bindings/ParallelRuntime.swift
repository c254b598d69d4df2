import AWSCore
import Host

/// `aws.parallel`, `aws.map` and the yielding side of operation methods and `aws.sleep` for
/// one Lua state: one `CallScheduler` over one curl multi handle, shared by every client.
final class ParallelRuntime {
    let session: Session
    /// The Lua function that turns an operation's Swift function into a method that yields
    /// inside `aws.parallel` (see `ParallelScript`).
    private var methodFactory: LuaValue = .nil
    /// `s3:delete_prefix`, `s3:copy` and `s3:sync` (see `S3PrefixScript`, `S3SyncScript`),
    /// compiled the first time an S3 client is asked for a method, so that a script without
    /// S3 does not pay for them at start-up.
    private var madeS3Methods: LuaTable?
    /// The S3 methods written in Lua, once made (a value can only be one of them after that).
    var s3Methods: LuaTable? { madeS3Methods }
    /// The `aws` module, handed to the scripts.
    private var module: LuaValue = .nil
    /// The Lua function that runs `ParallelScript` the first time it is called.
    private var ensureScript: LuaValue = .nil
    private var scriptRan = false
    /// The same for `client:paginate` and `client:collect`, by name.
    private var pageFactories = LuaTable(array: [])
    /// The same for `client:wait`.
    private var waitFactory: LuaValue = .nil
    /// The same for `s3:upload_file` and `s3:download_file`, by name.
    private var transferFactories = LuaTable(array: [])
    private var madeScheduler: CallScheduler?
    private var multi: CurlMultiTransport?
    /// Waits running inside `aws.parallel`, by id (see `ParallelWait`).
    var waits: [Int: ParallelWait] = [:]
    var lastWait = 0
    var madeWaitBoard: WaitBoard?
    /// The one status line the boards of waits and transfers share.
    let statusLine = SharedStatusLine(StatusLine(enabled: true))
    /// Paginations running inside `aws.parallel`, by id (see `ParallelPages`).
    var pages: [Int: ParallelPages] = [:]
    var lastPages = 0
    /// Transfers running inside `aws.parallel`, by id (see `ParallelTransfer`).
    var transfers: [Int: ParallelTransfer] = [:]
    var lastTransfer = 0
    var madeTransferBoard: TransferBoard?

    init(session: Session) {
        self.session = session
    }

    /// Puts stand-ins for `parallel`, `map` and `sleep` in `module` (`LazyParallelScript`)
    /// that run `ParallelScript` when first called, as the first operation method does.
    static func install(in state: LuaState, module: LuaValue, session: Session) throws {
        let runtime = ParallelRuntime(session: session)
        runtime.module = module
        let setUp = LuaFunction("aws.parallel set-up") { [unowned runtime] call in
            try runtime.runScript(in: call.state)
            return []
        }
        let stub = try state.load(LazyParallelScript.source, name: LuaState.hostChunkPrefix + "aws.parallel")
        runtime.ensureScript = try state.call(stub, [.function(setUp), module]).first ?? .nil
        session.parallel = runtime
    }

    /// Runs `ParallelScript` with the native functions, adding `parallel` and `map` to
    /// `module` and making `sleep` yield inside them.
    private func runScript(in state: LuaState) throws {
        let chunk = try state.load(ParallelScript.source, name: LuaState.hostChunkPrefix + "aws.parallel")
        let made = try state.call(chunk, [.table(try nativeFunctions(in: state)), module])
        methodFactory = made.first ?? .nil
        waitFactory = made.count > 1 ? made[1] : .nil
        pageFactories = made.count > 2 ? made[2].tableValue ?? LuaTable(array: []) : LuaTable(array: [])
        transferFactories = made.count > 3 ? made[3].tableValue ?? LuaTable(array: []) : LuaTable(array: [])
        scriptRan = true
    }

    /// Makes sure `ParallelScript` has run (through `ensureScript`, so that the stand-ins
    /// give way to the real functions).
    private func ensureScriptRan(in state: LuaState) throws {
        if !scriptRan { _ = try state.call(ensureScript, []) }
    }

    /// The S3 method called `name` that is written in Lua, or nil.
    func s3Method(_ name: String, in state: LuaState) throws -> LuaValue {
        if let madeS3Methods { return madeS3Methods[name] }
        try ensureScriptRan(in: state)
        let s3Chunk = try state.load(S3PrefixScript.source, name: LuaState.hostChunkPrefix + "s3")
        let abort = transferFunctions()["abort_upload"]
        let s3Methods = try state.call(s3Chunk, [module, errorFunction, abort, interruptedFunction]).first ?? .nil
        let syncChunk = try state.load(S3SyncScript.source, name: LuaState.hostChunkPrefix + "s3:sync")
        let made =
            try state.call(syncChunk, [module, errorFunction, .table(SyncFiles.table()), s3Methods])
            .first?.tableValue ?? LuaTable(array: [])
        madeS3Methods = made
        return made[name]
    }

    /// The method for `operation`: `invoke` when called outside `aws.parallel`.
    func method(_ operation: String, invoke: LuaFunction, in state: LuaState) throws -> LuaValue {
        try ensureScriptRan(in: state)
        return try state.call(methodFactory, [.string(operation), .function(invoke)]).first ?? .function(invoke)
    }

    func scheduler() throws -> CallScheduler {
        if let madeScheduler { return madeScheduler }
        let transport = try CurlMultiTransport(userAgent: AWSClient.userAgent, maxConcurrent: 64)
        let made = CallScheduler(transport: transport)
        made.isCancelled = session.isInterrupted
        multi = transport
        madeScheduler = made
        return made
    }

    /// `client:paginate` or `client:collect` (`name`) that yields for each page inside
    /// `aws.parallel`.
    func pageMethod(_ name: String, invoke: LuaFunction, in state: LuaState) throws -> LuaValue {
        try ensureScriptRan(in: state)
        return try state.call(pageFactories[name], [.function(invoke)]).first ?? .function(invoke)
    }

    /// `s3:upload_file` or `s3:download_file` (`name`) whose requests yield inside `aws.parallel`.
    func transferMethod(_ name: String, invoke: LuaFunction, in state: LuaState) throws -> LuaValue {
        try ensureScriptRan(in: state)
        return try state.call(transferFactories[name], [.function(invoke)]).first ?? .function(invoke)
    }

    /// `client:wait` that polls and pauses without blocking inside `aws.parallel`.
    func waitMethod(invoke: LuaFunction, in state: LuaState) throws -> LuaValue {
        try ensureScriptRan(in: state)
        return try state.call(waitFactory, [.function(invoke)]).first ?? .function(invoke)
    }

    private func nativeFunctions(in state: LuaState) throws -> LuaTable {
        var native = LuaTable(array: [])
        native["wait"] = .table(waitFunctions())
        native["pages"] = .table(try pageFunctions(in: state))
        native["transfers"] = .table(transferFunctions())
        native["submit"] = .function(
            LuaFunction("submit") { [unowned self] call in
                guard let client = call[1].object(as: LuaClient.self), let operation = call[2].stringValue else {
                    throw LuaError("aws.parallel: an operation must be called with ':' on a client")
                }
                let params = call[3] == .nil ? JSONValue.object([:]) : try call.table(3, "params").toJSONValue()
                let scheduler = try scheduler()
                multi?.debugLog = session.debugLog
                client.client.debugLog = session.debugLog
                return [.integer(Int64(try scheduler.submit(client.client, operation, params)))]
            })
        native["timer"] = .function(
            LuaFunction("sleep") { [unowned self] call in
                guard let seconds = call[1].numberValue else {
                    throw call.argumentError(1, expected: "a number of seconds, 0 or more")
                }
                if let problem = TimeFunctions.sleepProblem(seconds) {
                    throw LuaError("bad argument #1 to 'sleep': \(problem)")
                }
                return [.integer(Int64(try scheduler().timer(seconds)))]
            })
        native["done"] = .function(
            LuaFunction("done") { [unowned self] call in
                [.boolean(madeScheduler?.isFinished(Int(call[1].integerValue ?? 0)) ?? true)]
            })
        native["take"] = .function(
            LuaFunction(pushing: "take") { [unowned self] call in
                guard let scheduler = madeScheduler else {
                    LuaStackBuilder(state: call.state, on: call.thread).pushNil()
                    return 1
                }
                switch scheduler.take(Int(call[1].integerValue ?? 0)) {
                case .success(let answer?):
                    return try LuaResultBuilder.pushObject(on: call) { try answer.read(into: &$0) }
                case .success(nil): return 0
                case .failure(let error): throw interruptedOr(error)
                }
            })
        native["forget"] = .function(
            LuaFunction("forget") { [unowned self] call in
                madeScheduler?.forget(Int(call[1].integerValue ?? 0))
                return []
            })
        native["drive"] = .function(
            LuaFunction("drive") { [unowned self] call in
                do {
                    try madeScheduler?.drive(timeout: call[1].numberValue ?? 1)
                } catch let error as AWSError {
                    throw interruptedOr(error)
                }
                return []
            })
        native["interrupted"] = interruptedFunction
        native["new_error"] = errorFunction
        native["failure"] = .function(
            LuaFunction("failure") { call in
                let error = AWSError(code: "ParallelFailed", message: call[1].stringValue ?? "")
                return [.table(ErrorTable.table(for: error))]
            })
        return native
    }

    /// `new_error(code, message)`: an error table as the clients raise them.
    private var errorFunction: LuaValue {
        .function(
            LuaFunction("error") { call in
                let error = AWSError(code: call[1].stringValue ?? "Error", message: call[2].stringValue ?? "")
                return [.table(ErrorTable.table(for: error))]
            })
    }

    /// `interrupted()`: whether Ctrl-C has stopped the script, so a callback's error can be
    /// told from the interrupt that ended it.
    private var interruptedFunction: LuaValue {
        .function(LuaFunction("interrupted") { [unowned self] _ in [.boolean(session.isInterrupted())] })
    }

    /// Ctrl-C's own error for a call stopped by it, else the call's error.
    private func interruptedOr(_ error: AWSError) -> Error {
        error.code == "Cancelled" && session.isInterrupted() ? Interrupts.error : error
    }
}
