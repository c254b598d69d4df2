import AWSCore
import Host

extension LuaTable {
    /// The table as HTTP headers, `{name = "value", ...}` (numbers as their text), sorted by
    /// name. A name or value that is not UTF-8 text, or one that is not a string, is a
    /// `ValidationError` naming `function` and the header.
    func headerPairs(of function: String) throws -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for (key, value) in fields.sorted(by: { ($0.key.stringValue ?? "") < ($1.key.stringValue ?? "") }) {
            if case .bytes(let bytes) = key {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(function): headers[\(LuaStringLiteral.quoted(bytes))]: a header name must be UTF-8 text"
                )
            }
            if case .bytes = value {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(function): headers[\"\(key.stringValue ?? "")\"]: a header value must be UTF-8 text")
            }
            guard let name = key.stringValue, let text = value.stringValue ?? value.numberText else {
                throw AWSError(code: "ValidationError", message: "\(function): headers must map names to strings")
            }
            pairs.append((name, text))
        }
        return pairs
    }
}
