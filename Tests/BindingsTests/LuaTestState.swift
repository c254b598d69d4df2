import AWSCore
import Bindings
import Foundation
import Host
import XCTest

/// A Lua state with the `aws` module, in a throw-away environment with no AWS settings.
func makeState(variables: [String: String] = [:], home: String? = nil) -> LuaState {
    let state = LuaState()
    let folder = home ?? NSTemporaryDirectory() + "gluescript-bindings-\(UUID().uuidString)"
    AWSModule.install(in: state, environment: AWSEnvironment(variables: variables, homeDirectory: folder))
    return state
}

/// Runs `chunk` and returns its first result.
func evaluate(_ state: LuaState, _ chunk: String) throws -> LuaValue {
    try state.run(chunk, name: "=test").first ?? .nil
}
