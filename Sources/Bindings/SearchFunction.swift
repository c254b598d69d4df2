import AWSCore
import Host

/// `aws.search(expression, data)`: JMESPath over Lua data, read in place (see
/// `LuaSearchDocument`). `aws.json.null` in the data is JSON's null; a null result is nil, a
/// null inside the result `aws.json.null`. Tables of the data come back as themselves.
enum SearchFunction {
    /// One function per state, with its own cache of compiled expressions.
    static func function() -> LuaValue {
        let expressions = JMESPathExpressionCache()
        return .function(
            LuaFunction(stack: "search") { state, L in
                let call = LuaCall(
                    state: state, arguments: [try state.read(at: 1, on: L)], functionName: "search", thread: L)
                let expression = try expressions.expression(try call.string(1, "expression"))
                let view = try LuaDataView(on: L)
                defer { view.close() }
                let document = LuaSearchDocument(state: state, view: view)
                let result = try expression.search(try document.root(at: 2), in: document)
                document.push(result)
                return 1
            })
    }
}
