import CLua
import CShims
import Host

/// Finds where a value sits in the `aws` module (`aws`, `aws.json`, `aws.json.encode`), by
/// identity and with raw access only, so that `help` can describe the module's functions and
/// the values that have help of their own (`aws.json.null`).
enum ModulePaths {
    /// Help for the value at `index` when it is the `aws` table, one of its tables, one of
    /// their functions or a value with help of its own; nil otherwise.
    static func help(forValueAt index: Int32, on L: OpaquePointer) -> String? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_checkstack(L, 8) != 0 else { return nil }
        lua_rawgeti(L, gs_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        guard LuaState.pushRawField("aws", of: -1, on: L) == LUA_TTABLE else { return nil }
        let module = lua_gettop(L)
        var walk = Walk(target: index)
        if lua_rawequal(L, index, module) != 0 { walk.found = ("aws", true) }
        walk.visit(table: module, path: "aws", depth: 0, on: L)
        guard let (path, isTable) = walk.found else { return nil }
        if isTable {
            let inside = walk.functions.filter { $0.hasPrefix(path + ".") }
            return ModuleHelp.listing(inside, title: "\(path): help(\(path).name) shows one function")
        }
        return ModuleHelp.text(for: path) ?? "\(path)(...): a function of the aws module"
    }

    private struct Walk {
        let target: Int32
        var functions: [String] = []
        var found: (path: String, isTable: Bool)?

        init(target: Int32) { self.target = target }

        mutating func visit(table: Int32, path: String, depth: Int, on L: OpaquePointer) {
            lua_pushnil(L)
            while lua_next(L, table) != 0 {
                defer { gs_pop(L, 1) }
                guard lua_type(L, -2) == LUA_TSTRING, let key = lua_tolstring(L, -2, nil) else { continue }
                let name = path + "." + String(cString: key)
                let type = lua_type(L, -1)
                let isHelpedValue = type == LUA_TUSERDATA && ModuleHelp.entries[name] != nil
                if type == LUA_TFUNCTION || isHelpedValue { functions.append(name) }
                if type == LUA_TFUNCTION || type == LUA_TTABLE || isHelpedValue, lua_rawequal(L, -1, target) != 0 {
                    found = (name, type == LUA_TTABLE)
                }
                if type == LUA_TTABLE, depth < 1, lua_checkstack(L, 4) != 0 {
                    visit(table: lua_gettop(L), path: name, depth: depth + 1, on: L)
                }
            }
        }
    }
}
