import AWSCore
import Host

/// Checks the keys of an options table, so a misspelt option is an error, not ignored.
enum OptionCheck {
    static func only(_ allowed: [String], in table: LuaTable, for function: String) throws {
        for key in table.fields.keys {
            guard let name = key.stringValue, allowed.contains(name) else {
                let name = key.stringValue ?? key.typeName
                let hint = Suggestion.closest(to: name, among: allowed).map { " (did you mean \($0)?)" } ?? ""
                throw AWSError(
                    code: "ValidationError",
                    message:
                        "\(function): unknown option '\(QuotedValue.shortened(name))'\(hint); known: \(allowed.sorted().joined(separator: ", "))"
                )
            }
        }
        if !table.array.isEmpty {
            throw AWSError(code: "ValidationError", message: "\(function): options must be given by name")
        }
    }
}
