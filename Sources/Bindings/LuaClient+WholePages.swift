import AWSCore
import CLua
import CShims
import Host

/// Pages read straight into Lua tables, for a walk whose pages are taken whole
/// (`Paginator.takesPagesWhole`): the output tokens are read from a copy of the few top-level
/// members they name (`MemberCapturingBuilder`), or, for other expressions, searched on the
/// Lua page (`LuaSearchDocument`); `collect` joins the pages in Lua (`CollectMerge`), so no
/// page is ever a `JSONValue`.
///
/// Searching the Lua page pauses the collector while it reads (`LuaDataView`), and restarting
/// it begins a collection cycle, so that way costs a cycle a page.
extension LuaClient {
    /// Calls for the next page and leaves it on the calling thread's stack as Lua tables,
    /// having taught `paginator` its tokens; false (nothing pushed) when there are no more.
    static func pushWholePage(_ paginator: Paginator, from client: AWSClient, operation: String, _ call: LuaCall)
        throws -> Bool
    {
        guard let input = try paginator.nextInput() else { return false }
        try pushWholePage(paginator, reading: PageCall(client: client, operation: operation, input: input), call)
        return true
    }

    /// Reads the page `source` gives onto the calling thread's stack as Lua tables, and
    /// teaches `paginator` its tokens.
    static func pushWholePage<Source: PageSource>(_ paginator: Paginator, reading source: Source, _ call: LuaCall)
        throws
    {
        if let names = paginator.definition.tokenMemberNames {
            var members = JSONValue.object([:])
            _ = try LuaResultBuilder.pushObject(on: call) { page in
                var capturing = MemberCapturingBuilder(page, capturing: names)
                try source.read(into: &capturing)
                page = capturing.inner
                members = capturing.captured()
            }
            try paginator.accept(page: members, in: JSONValueDocument())
            return
        }
        _ = try LuaResultBuilder.pushObject(on: call) { page in
            try source.read(into: &page)
        }
        let stack = LuaStackBuilder(state: call.state, on: call.thread)
        let page = stack.top
        let view = try LuaDataView(on: call.thread)
        defer {
            view.close()
            stack.reset(to: page)
        }
        let document = LuaSearchDocument(state: call.state, view: view)
        try paginator.accept(page: try document.root(at: page), in: document)
    }

    /// `collect` with whole pages: leaves the joined result on the stack; returns 1.
    func collectWholePages(_ paginator: Paginator, operation: String, _ call: LuaCall) throws -> Int32 {
        let state = call.state
        let L = call.thread
        let stack = LuaStackBuilder(state: state, on: L)
        let base = stack.top
        do {
            let functions = try CollectMerge.functions(in: state, on: L)
            try stack.newTable()
            let result = stack.top
            try stack.pushJSON(.array(paginator.resultKeyPaths.map { .array($0.map(JSONValue.string)) }))
            while true {
                stack.push(functions[0])
                lua_pushvalue(L, result)
                lua_pushvalue(L, result + 1)
                guard try Self.pushWholePage(paginator, from: client, operation: operation, call) else { break }
                try Self.protectedCall(arguments: 3, call)
            }
            stack.reset(to: result)
            stack.push(functions[1])
            lua_pushvalue(L, result)
            try stack.pushJSON(paginator.collected(.object([:])))
            try Self.protectedCall(arguments: 2, call)
            return 1
        } catch {
            stack.reset(to: base)
            throw error
        }
    }

    /// Calls the function under `arguments` values on the stack, with no results.
    private static func protectedCall(arguments: Int32, _ call: LuaCall) throws {
        guard gs_pcall_traceback(call.thread, arguments, 0) == LUA_OK else {
            let message = call.state.protectedToString(at: -1, on: call.thread) ?? "an error"
            throw LuaError("collect: joining the pages failed: \(message)")
        }
    }
}
