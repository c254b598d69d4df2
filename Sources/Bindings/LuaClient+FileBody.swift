import AWSCore
import Host

extension LuaClient {
    /// An open Lua file given for the operation's blob payload (`Body = io.open(path, "rb")`
    /// of `put_object`, `upload_part`): taken out of `params` and returned as the request
    /// body, streamed from the file's current position to its end. Nil when there is none.
    func fileBody(for operation: OperationModel, params: inout LuaTable, state: LuaState) throws
        -> HTTPRequest.Body?
    {
        guard let input = operation.input, let payload = input.payload, let member = input.members[payload],
            member.shape.kind == .blob, case .reference = params[payload],
            let file = try state.openFile(params[payload])
        else { return nil }
        let body = try HTTPRequest.Body.restOfOpenFile(
            descriptor: file.descriptor, position: file.position, member: payload)
        params[payload] = .nil
        return body
    }
}
