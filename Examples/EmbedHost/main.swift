import Host

// A Swift program embedding gluescript's Lua host: it registers a function and a module
// of its own and runs a script that uses both.

let state = LuaState()

state.register("greet") { call in
    let name = try call.string(1, "name")
    return [.string("hello, \(name)")]
}

state.preload("units") { _ in
    var module = LuaTable(array: [])
    module["kib"] = .function(
        LuaFunction("kib") { call in
            guard let n = call[1].numberValue else { throw call.argumentError(1, expected: "number") }
            return [.number(n * 1024)]
        })
    return .table(module)
}

do {
    let results = try state.run(
        """
        local units = require "units"
        return greet("embedder"), units.kib(2)
        """, name: "=example")
    print(results.map { $0.stringValue ?? "\($0.numberValue ?? 0)" }.joined(separator: " | "))
} catch {
    print("error: \(error)")
}
