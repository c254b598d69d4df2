import AWSCore
import Host

/// `aws.json`: `encode(value, {pretty=, sort_keys=})`, `decode(text)`, `array(t)` and `null`.
enum JSONFunctions {
    static func table() -> LuaValue {
        var module = LuaTable(array: [])
        module["encode"] = .function(
            LuaFunction("encode") { call in
                var options: JSONEncoding.Options = [.sortedKeys]
                if let settings = try call.optionalTable(2, "options") {
                    try OptionCheck.only(["pretty", "sort_keys"], in: settings, for: "aws.json.encode")
                    if try settings.booleanOption("pretty", of: "aws.json.encode") == true {
                        options.insert(.prettyPrinted)
                    }
                    if try settings.booleanOption("sort_keys", of: "aws.json.encode") == false {
                        options.remove(.sortedKeys)
                    }
                }
                let text = try JSONEncoding.encodeString(try call[1].toJSON(), options: options)
                return [.string(text)]
            })
        module["decode"] = .function(
            LuaFunction("decode") { call in
                guard let bytes = call[1].stringBytes else { throw call.argumentError(1, expected: "string") }
                return [try JSONDecoding.decode(bytes).toLua(keepingNullMembers: true)]
            })
        module["array"] = .function(
            LuaFunction("array") { call in
                var table = call[1] == .nil ? LuaTable(array: []) : try call.table(1)
                guard table.fields.isEmpty else {
                    throw LuaError("aws.json.array: the table has keys other than 1..n")
                }
                table.metatableName = jsonArrayMetatable
                return [.table(table)]
            })
        module["null"] = JSONNull.value
        return .table(module)
    }
}
