import AWSCore
import Host

extension LuaTable {
    /// Option `key` as a string, nil when absent; another type, or a string that is not UTF-8
    /// text, is an error naming it.
    func stringOption(_ key: String, of function: String) throws -> String? {
        let value = self[key]
        if value == .nil { return nil }
        if case .bytes = value {
            throw AWSError(
                code: "ValidationError", message: "\(function): option '\(key)' must be UTF-8 text")
        }
        guard let text = value.stringValue else { throw optionError(key, "a string", value, function) }
        return text
    }

    /// Option `key` as an integer, nil when absent.
    func integerOption(_ key: String, of function: String) throws -> Int? {
        let value = self[key]
        if value == .nil { return nil }
        guard let number = value.integerValue, let int = Int(exactly: number) else {
            throw optionError(key, "an integer", value, function)
        }
        return int
    }

    /// Option `key` as a number of seconds (finite, 0 or more), nil when absent.
    func numberOption(_ key: String, of function: String) throws -> Double? {
        let value = self[key]
        if value == .nil { return nil }
        guard let number = value.numberValue else { throw optionError(key, "a number", value, function) }
        guard number.isFinite, number >= 0 else {
            throw AWSError(
                code: "ValidationError",
                message:
                    "\(function): option '\(key)' must be a finite number, 0 or more, got \(number.isNaN ? "NaN" : String(number))"
            )
        }
        return number
    }

    /// Option `key` as a boolean, nil when absent.
    func booleanOption(_ key: String, of function: String) throws -> Bool? {
        switch self[key] {
        case .nil: return nil
        case .boolean(let b): return b
        case let other: throw optionError(key, "a boolean", other, function)
        }
    }

    /// Option `key` as a table, nil when absent.
    func tableOption(_ key: String, of function: String) throws -> LuaTable? {
        let value = self[key]
        if value == .nil { return nil }
        guard let table = value.tableValue else { throw optionError(key, "a table", value, function) }
        return table
    }

    /// Whether option `key` holds a function (called with `arguments`, for the message); false
    /// when absent, an error naming the option for any other value.
    func functionOption(_ key: String, of function: String, taking arguments: String) throws -> Bool {
        let value = self[key]
        if value == .nil { return false }
        guard value.typeName == "function" else {
            throw AWSError(
                code: "ValidationError",
                message: "\(function): option '\(key)' must be a function(\(arguments)), got \(value.typeName)")
        }
        return true
    }

    private func optionError(_ key: String, _ expected: String, _ value: LuaValue, _ function: String) -> AWSError {
        AWSError(
            code: "ValidationError", message: "\(function): option '\(key)' must be \(expected), got \(value.typeName)")
    }
}
