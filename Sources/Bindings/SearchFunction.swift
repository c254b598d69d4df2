import AWSCore
import Host

/// `aws.search(expression, data)`: JMESPath over Lua data. `aws.json.null` in the data is
/// JSON's null; a null result is nil, a null inside the result `aws.json.null`.
enum SearchFunction {
    /// Made once and never changed; its body keeps no state, so every Lua state may share it.
    nonisolated(unsafe) static let function = LuaValue.function(
        LuaFunction("search") { call in
            let expression = try call.string(1, "expression")
            let compiled = try JMESPath.compile(expression)
            return [try compiled.search(try call[2].toJSON()).toLua(keepingNullMembers: true)]
        })
}
