/// Template strings of the endpoint rules: `{Region}`, `{url#scheme}` (a member of a value),
/// with `{{` and `}}` standing for braces.
enum EndpointTemplate {
    /// Whether `text` holds a `{name}` or `{name#member}` reference at all (as botocore decides).
    static func isTemplate(_ text: String) -> Bool {
        var inside = false
        var length = 0
        for character in text {
            if character == "{" {
                inside = true
                length = 0
            } else if inside && character == "}" && length > 0 {
                return true
            } else if inside && (character == "#" || (character.isASCII && character.isLetter)) {
                length += 1
            } else {
                inside = false
            }
        }
        return false
    }

    static func fill(_ text: String, scope: [String: JSONValue]) throws -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" || character == "}" {
                if next < text.endIndex && text[next] == character {
                    result.append(character)
                    index = text.index(after: next)
                    continue
                }
                guard character == "{", let close = text[next...].firstIndex(of: "}") else {
                    throw EndpointRuleEvaluator.error("unbalanced brace in endpoint template \(text)")
                }
                result += try lookup(String(text[next..<close]), scope: scope).endpointText
                index = text.index(after: close)
                continue
            }
            result.append(character)
            index = next
        }
        return result
    }

    private static func lookup(_ reference: String, scope: [String: JSONValue]) throws -> JSONValue {
        let path = reference.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        guard var value = scope[path[0]] else {
            throw EndpointRuleEvaluator.error("endpoint template refers to \(path[0]), which is not set")
        }
        for member in path.dropFirst() {
            guard let inner = value[member] else {
                throw EndpointRuleEvaluator.error("endpoint template refers to \(reference), which is not set")
            }
            value = inner
        }
        return value
    }
}
