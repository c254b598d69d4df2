import AWSCore
import CLua
import Host

extension LuaClient {
    /// `client:op(params, options)` as Lua called it: the params table is read where it lies
    /// (`LuaSearchDocument`), by the rules of `LuaValue.toJSON`, without copying it into Swift
    /// values first. Params that are not a table, and an open file given as the body, take the
    /// way of a copied call (`invoke(_:method:_:)`), which explains or streams them.
    func invoke(_ operation: OperationModel, method: String, name: String, state: LuaState, on L: OpaquePointer)
        throws -> Int32
    {
        let top = lua_gettop(L)
        let call = LuaCall(
            state: state, arguments: [try state.read(at: 1, on: L), .nil, try state.read(at: 3, on: L)],
            functionName: name, thread: L)
        try checkSelf(call, method: method)
        guard let params = try paramsInPlace(for: operation, top: top, state: state, on: L) else {
            var arguments: [LuaValue] = []
            for index in 1...max(top, 1) { arguments.append(try state.read(at: index, on: L)) }
            return try invoke(
                operation, method: method, LuaCall(state: state, arguments: arguments, functionName: name, thread: L))
        }
        return try perform(operation, method: method, call, params: params, options: CallOptions())
    }

    /// Argument 2 as data when it is absent or a table without an open file as the body.
    private func paramsInPlace(for operation: OperationModel, top: Int32, state: LuaState, on L: OpaquePointer)
        throws -> JSONValue?
    {
        guard top >= 2 else { return .object([:]) }
        let view = try LuaDataView(on: L)
        defer { view.close() }
        switch view.read(at: 2) {
        case .nil: return .object([:])
        case .table(let table):
            var blobPayload: String?
            if let payload = operation.input?.payload, operation.input?.members[payload]?.shape.kind == .blob {
                if case .userdata = view.field(payload, of: table) { return nil }
                blobPayload = payload
            }
            return try LuaSearchDocument(state: state, view: view).params(at: 2, bytesMember: blobPayload)
        default: return nil
        }
    }
}
