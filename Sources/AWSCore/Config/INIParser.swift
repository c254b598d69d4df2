/// Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials`, as botocore reads it.
///
/// - `[name]` starts a section; text after the closing bracket may only be a comment.
/// - `key = value` (or `key: value`) sets a property; names are lower-cased, values trimmed.
/// - Lines starting with `#` or `;` are comments, and so is the rest of a value after
///   whitespace followed by `#` or `;`.
/// - A property with an empty value followed by indented `key = value` lines holds those as a
///   nested block; an indented line after a non-empty value continues that value.
///
/// Errors are `AWSError` with code `ConfigParseError`, naming the file and line; they never quote
/// a property line, which may hold a secret key.
public enum INIParser {
    public static func parse(_ text: String, path: String) throws -> INIDocument {
        var document = INIDocument(path: path)
        var currentKey: String?
        var lineNumber = 0

        func fail(_ reason: String) -> AWSError {
            AWSError(code: "ConfigParseError", message: "\(path) line \(lineNumber): \(reason)")
        }

        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }

            let indented = line.first == " " || line.first == "\t"
            if indented, let key = currentKey, !document.sections.isEmpty {
                let index = document.sections.count - 1
                let content = stripInlineComment(trimmed)
                switch document.sections[index].properties[key] {
                case .text(let value) where !value.isEmpty:
                    document.sections[index].properties[key] = .text(value + "\n" + content)
                case .text, .none:
                    guard let (subKey, subValue) = splitProperty(content), !subKey.isEmpty else {
                        throw fail("expected an indented \"key = value\" under \"\(key)\"")
                    }
                    document.sections[index].properties[key] = .nested([subKey: subValue])
                case .nested(var values):
                    guard let (subKey, subValue) = splitProperty(content), !subKey.isEmpty else {
                        throw fail("expected an indented \"key = value\" under \"\(key)\"")
                    }
                    values[subKey] = subValue
                    document.sections[index].properties[key] = .nested(values)
                }
                continue
            }

            if trimmed.hasPrefix("[") {
                guard let close = trimmed.firstIndex(of: "]") else {
                    throw fail("section header has no closing \"]\"")
                }
                let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingWhitespace()
                let rest = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
                guard rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix(";") else {
                    throw fail("unexpected text after section header")
                }
                guard !name.isEmpty else { throw fail("empty section name \"[]\"") }
                document.sections.append(INIDocument.Section(name: String(name), line: lineNumber))
                currentKey = nil
                continue
            }

            guard let (key, value) = splitProperty(stripInlineComment(trimmed)) else {
                throw fail("expected \"[section]\" or \"key = value\"")
            }
            guard !key.isEmpty else { throw fail("property without a name") }
            guard !document.sections.isEmpty else {
                throw fail("property \"\(key)\" comes before any [section] header")
            }
            document.sections[document.sections.count - 1].properties[key] = .text(value)
            currentKey = key
        }
        return document
    }

    /// Splits `key = value` at the first `=` or `:`; the key is lower-cased.
    private static func splitProperty(_ text: Substring) -> (String, String)? {
        guard let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = text[..<separator].trimmingWhitespace().lowercased()
        let value = text[text.index(after: separator)...].trimmingWhitespace()
        return (key, String(value))
    }

    /// Drops a comment that starts with `#` or `;` preceded by whitespace.
    private static func stripInlineComment(_ text: Substring) -> Substring {
        var previous: Character = "x"
        for index in text.indices {
            let character = text[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return text[..<index].trimmingWhitespace()
            }
            previous = character
        }
        return text
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" {
            result = result.dropLast()
        }
        return result
    }
}
