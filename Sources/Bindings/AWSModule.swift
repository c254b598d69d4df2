import AWSCore
import Host

/// The `aws` module: installed as a global and for `require "aws"`.
public enum AWSModule {
    /// Session settings from the command line; each overrides the environment and files.
    public struct Defaults {
        public var region: String?
        public var profile: String?
        public var endpointURL: String?
        public var debug: Bool
        /// Credentials every client uses (the local emulator's throw-away ones).
        public var credentials: Credentials?

        public init(
            region: String? = nil, profile: String? = nil, endpointURL: String? = nil, debug: Bool = false,
            credentials: Credentials? = nil
        ) {
            self.region = region
            self.profile = profile
            self.endpointURL = endpointURL
            self.debug = debug
            self.credentials = credentials
        }
    }

    /// Builds the module table in `state`, sets the global `aws` and preloads `require "aws"`.
    /// `environment` replaces the process's variables and home folder (for tests and hosts
    /// that configure AWS themselves).
    public static func install(
        in state: LuaState, defaults: Defaults = Defaults(), environment: AWSEnvironment = .process
    ) {
        ErrorTable.install(in: state)
        state.defineMetatable(jsonArrayMetatable)
        JSONNull.register(in: state)
        LuaClient.register(in: state)
        let session = Session(defaults: defaults, environment: environment)
        session.isInterrupted = { [weak state] in state.map(Interrupts.requested(in:)) ?? false }
        let module = makeModule(in: state, session: session)
        state.setGlobal("aws", module)
        do {
            try ParallelRuntime.install(in: state, module: state.globalReference("aws"), session: session)
        } catch {
            preconditionFailure("aws.parallel could not be set up: \(error)")
        }
        state.setGlobal("help", Help.function(session: session))
        state.preload("aws") { state in state.globalReference("aws") }
    }

    static func makeModule(in state: LuaState, session: Session) -> LuaValue {
        var module = LuaTable(array: [])
        module["inspect"] = Inspect.function
        module["json"] = JSONFunctions.table()
        module["config"] = ConfigFunction.function(session)
        module["sign"] = SignFunction.function(session)
        module["search"] = SearchFunction.function()
        module["client"] = ClientFunction.function(session)
        module["clock"] = TimeFunctions.clock
        module["sleep"] = TimeFunctions.sleep
        module["table"] = RowFunctions.table
        module["csv"] = RowFunctions.csv()
        return .table(module)
    }
}
