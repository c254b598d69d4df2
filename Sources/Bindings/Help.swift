import AWSCore
import CLua
import Host

/// `help(x)`: what a client offers (operations, waiters, paginators), what an operation
/// does and takes (members, types, which are required, enum values, the API's first
/// sentence on each) and returns, how a built-in method is called (`BuiltinHelp`), and the
/// `aws` module's functions (`ModuleHelp`).
enum Help {
    static func function(session: Session) -> LuaValue {
        .function(
            LuaFunction(stack: "help") { state, L in
                let text: String
                if let function = state.swiftFunction(at: 1, on: L) ?? yieldingMethod(state, L),
                    let help = function.help
                {
                    text = help()
                } else if let method = writtenMethod(session, state, L) {
                    text = BuiltinHelp.text(forWrittenMethod: method)
                } else if case .object(let object)? = try? state.read(at: 1, on: L),
                    let client = object.object as? LuaClient
                {
                    text = describe(client)
                } else if let help = ModulePaths.help(forValueAt: 1, on: L) {
                    text = help
                } else if lua_type(L, 1) == LUA_TNONE || lua_type(L, 1) == LUA_TNIL {
                    text = overview
                } else {
                    text =
                        "no help for this \(String(cString: lua_typename(L, lua_type(L, 1)))); "
                        + "try help(aws), help(client) or help(client.operation_name)"
                }
                try state.call(state.globalReference("print"), [.string(text)], on: L)
                return 0
            })
    }

    /// The operation's Swift function inside a method made to yield in `aws.parallel` (the
    /// Lua wrapper's first upvalue).
    static func yieldingMethod(_ state: LuaState, _ L: OpaquePointer) -> LuaFunction? {
        guard lua_type(L, 1) == LUA_TFUNCTION, lua_getupvalue(L, 1, 1) != nil else { return nil }
        defer { lua_settop(L, -2) }
        return state.swiftFunction(at: lua_gettop(L), on: L)
    }

    /// Which of the S3 methods written in Lua (`sync`, `copy`, `delete_prefix`) the value at
    /// index 1 is, if any.
    static func writtenMethod(_ session: Session, _ state: LuaState, _ L: OpaquePointer) -> String? {
        guard lua_type(L, 1) == LUA_TFUNCTION, let methods = session.parallel?.s3Methods, lua_checkstack(L, 2) != 0
        else { return nil }
        return ["sync", "copy", "delete_prefix"].first { name in
            state.push(methods[name], on: L)
            defer { lua_settop(L, -2) }
            return lua_rawequal(L, 1, -1) != 0
        }
    }

    static let overview = """
        aws.client("glue")                   a client; help(client) lists what it can do
        help(glue.create_crawler)            the parameters of one operation
        help(s3.upload_file)                 a built-in method of a client (wait, paginate, ...)
        help(aws)                            every function of the aws module
        aws.config()                         the region, profile and credentials in use
        aws.inspect(v), aws.json, aws.search, aws.sign
        """

    static func describe(_ lua: LuaClient) -> String {
        let model = lua.client.model
        var text = "aws.client(\(lua.name), \(lua.client.region)): \(model.metadata.serviceFullName)\n"
        text += "\(model.methodNames.count) operations:\n" + columns(model.methodNames.sorted())
        let waiters = model.waiters.keys.map { OperationName.pythonic($0) }.sorted()
        if !waiters.isEmpty { text += "\nwaiters (client:wait(name, params)):\n" + columns(waiters) }
        let paginators = model.paginators.keys.map { OperationName.pythonic($0) }.sorted()
        if !paginators.isEmpty { text += "\npaginated (client:paginate(name, params)):\n" + columns(paginators) }
        text += "\nhelp(\(lua.name).operation_name) shows an operation's parameters."
        return text
    }

    static func describe(_ operation: OperationModel, client: String) -> String {
        var text = "\(client):\(OperationName.pythonic(operation.name)){...}   (\(operation.name))\n"
        if let summary = operation.documentation.map(DocumentationSummary.firstSentence), !summary.isEmpty {
            text += "  " + summary + "\n"
        }
        if let input = operation.input, !input.members.isEmpty {
            text += "parameters:\n"
            var seen: Set<String> = []
            members(of: input, indent: 2, depth: 0, seen: &seen, into: &text)
        } else {
            text += "no parameters\n"
        }
        if let output = operation.output, !output.members.isEmpty {
            text += "returns: " + output.members.keys.joined(separator: ", ")
        }
        return text
    }

    private static func members(
        of shape: Shape, indent: Int, depth: Int, seen: inout Set<String>, into text: inout String
    ) {
        let width = (shape.members.keys.map(\.count).max() ?? 0) + 2
        for (name, member) in shape.members {
            let pad = String(repeating: " ", count: indent)
            let gap = String(repeating: " ", count: max(1, width - name.count))
            var line = pad + name + gap + typeName(member.shape)
            if shape.required.contains(name) { line += " (required)" }
            if !member.shape.enumValues.isEmpty { line += ": " + member.shape.enumValues.joined(separator: " | ") }
            text += line + "\n"
            if let summary = member.documentation.map(DocumentationSummary.firstSentence), !summary.isEmpty {
                text += pad + "    " + summary + "\n"
            }
            guard let nested = structure(in: member.shape), depth < 2, !seen.contains(nested.name) else { continue }
            seen.insert(nested.name)
            members(of: nested, indent: indent + 2, depth: depth + 1, seen: &seen, into: &text)
            seen.remove(nested.name)
        }
    }

    /// The structure a member leads to, through lists and maps.
    private static func structure(in shape: Shape) -> Shape? {
        switch shape.kind {
        case .structure: return shape.members.isEmpty ? nil : shape
        case .list: return shape.member.flatMap { structure(in: $0.shape) }
        case .map: return shape.value.flatMap { structure(in: $0.shape) }
        default: return nil
        }
    }

    private static func typeName(_ shape: Shape) -> String {
        switch shape.kind {
        case .list: return "list of " + (shape.member.map { typeName($0.shape) } ?? "?")
        case .map: return "map of " + (shape.value.map { typeName($0.shape) } ?? "?")
        case .blob: return "blob (string of bytes)"
        case .timestamp: return "timestamp (ISO 8601 or epoch seconds)"
        default: return shape.kind.rawValue
        }
    }

    private static func columns(_ names: [String]) -> String {
        let width = (names.map(\.count).max() ?? 0) + 2
        let perLine = max(1, 96 / width)
        var lines: [String] = []
        var index = 0
        while index < names.count {
            let row = names[index..<min(index + perLine, names.count)]
            lines.append("  " + row.map { $0 + String(repeating: " ", count: width - $0.count) }.joined())
            index += perLine
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}
