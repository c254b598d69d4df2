import CLua
import Host

/// `aws.inspect(value, {depth = n})`: the pretty printer as a function returning text.
enum Inspect {
    /// Made once and never changed; its body keeps no state, so every Lua state may share it.
    nonisolated(unsafe) static let function = LuaValue.function(
        LuaFunction(stack: "inspect") { state, L in
            var printer = PrettyPrinter()
            if lua_type(L, 2) == LUA_TTABLE {
                if case .table(let options) = try state.read(at: 2, on: L) {
                    try OptionCheck.only(["depth"], in: options, for: "aws.inspect")
                }
                LuaState.pushRawField("depth", of: 2, on: L)
                if let depth = try state.read(at: -1, on: L).integerValue {
                    printer.maxDepth = Int(clamping: max(depth, 0))
                } else if lua_type(L, -1) != LUA_TNIL {
                    throw LuaError("bad argument #2 to 'inspect' (depth must be an integer)")
                }
            } else if lua_type(L, 2) != LUA_TNIL && lua_type(L, 2) != LUA_TNONE {
                throw LuaError(
                    "bad argument #2 to 'inspect' (table expected, got \(String(cString: lua_typename(L, lua_type(L, 2)))))"
                )
            }
            let text = printer.render(at: 1, on: L)
            state.push(.string(text), on: L)
            return 1
        })
}
