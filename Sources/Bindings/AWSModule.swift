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

        public init(
            region: String? = nil, profile: String? = nil, endpointURL: String? = nil, debug: Bool = false
        ) {
            self.region = region
            self.profile = profile
            self.endpointURL = endpointURL
            self.debug = debug
        }
    }

    /// Builds the module table in `state`, sets the global `aws` and preloads `require "aws"`.
    public static func install(in state: LuaState, defaults: Defaults = Defaults()) {
        let module = makeModule(in: state, defaults: defaults)
        state.setGlobal("aws", module)
        state.preload("aws") { state in try state.global("aws") }
    }

    static func makeModule(in state: LuaState, defaults: Defaults) -> LuaValue {
        var module = LuaTable(array: [])
        module["inspect"] = Inspect.function
        return .table(module)
    }
}
