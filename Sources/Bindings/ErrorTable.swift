import AWSCore
import Host

/// AWS errors as Lua sees them: tables with `code`, `message`, `status`, `request_id`,
/// `service`, `operation`, `retryable`, `attempts` and the service's modeled fields, and a
/// `__tostring` that reads like the script's own errors (`demo.lua:12: Code: message`).
enum ErrorTable {
    static let metatableName = "aws.error"

    /// Registers the metatable and makes every Swift error raised into Lua such a table.
    static func install(in state: LuaState) {
        state.defineMetatable(
            metatableName,
            metamethods: [
                "__tostring": { call in
                    guard let table = call[1].tableValue else { return [.string("aws error")] }
                    return [.string(describe(table))]
                }
            ])
        state.errorConverter = { error, _, position in
            if let error = error as? AWSError { return .table(table(for: error, position: position)) }
            return .string(position + "\(error)")
        }
    }

    static func table(for error: AWSError, position: String = "") -> LuaTable {
        var table = LuaTable(array: [], metatableName: metatableName)
        for (name, value) in error.fields { table[name] = value.toLua() }
        table["code"] = .string(error.code)
        table["message"] = .string(error.message)
        if let status = error.status { table["status"] = .integer(Int64(status)) }
        if let requestID = error.requestID { table["request_id"] = .string(requestID) }
        if let service = error.service { table["service"] = .string(service) }
        if let operation = error.operation { table["operation"] = .string(operation) }
        table["retryable"] = .boolean(error.retryable)
        table["attempts"] = .integer(Int64(error.attempts))
        if !position.isEmpty { table["where"] = .string(position) }
        return table
    }

    /// `where` + `Code: message (service.Operation, HTTP n, after k attempts)`.
    static func describe(_ table: LuaTable) -> String {
        var text = (table["where"].stringValue ?? "") + (table["code"].stringValue ?? "Error")
        text += ": " + (table["message"].stringValue ?? "")
        var details: [String] = []
        if let operation = table["operation"].stringValue {
            details.append((table["service"].stringValue.map { $0 + "." } ?? "") + operation)
        }
        if let status = table["status"].integerValue { details.append("HTTP \(status)") }
        if let attempts = table["attempts"].integerValue, attempts > 1 { details.append("after \(attempts) attempts") }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        return text
    }
}
