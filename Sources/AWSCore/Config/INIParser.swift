/// Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials` exactly as botocore reads
/// it (Python's `RawConfigParser`, then botocore's nested blocks):
///
/// - `[name]` starts a section; the name is everything between the first `[` and the last `]`,
///   and text after that `]` is ignored. `[DEFAULT]` is no section: its properties are given to
///   every section that does not set them itself.
/// - `key = value` or `key: value` sets a property, split at the first `=` or `:`; names are
///   lower-cased, names and values trimmed.
/// - A line whose first non-blank character is `#` or `;` is a comment. There are no comments
///   at the end of a line: in `region = us-east-1 # prod` the value is `us-east-1 # prod`.
/// - A line indented deeper than its property's line continues the value (blank lines inside
///   are kept, trailing ones dropped). A value that starts on the next line (`s3 =` followed by
///   indented lines) is a nested block of `key = value` lines, split at the first `=` only,
///   their names kept as written.
/// - A section or a property written twice in one file, a property before any section and a
///   line that is none of these are errors.
///
/// Errors are `AWSError` with code `ConfigParseError`, naming the file and line; they never quote
/// a property line, which may hold a secret key.
public enum INIParser {
    /// A property being read: its value's lines, each with its line number.
    private struct PendingValue {
        var section: Int
        var key: String
        var lines: [(text: Substring, line: Int)]
    }

    public static func parse(_ text: String, path: String) throws -> INIDocument {
        var document = INIDocument(path: path)
        var defaults = INIDocument.Section(name: "DEFAULT", line: 0)
        var sectionIndex: [String: Int] = [:]
        var current: Int?  // the section being read: an index, or -1 for [DEFAULT]
        var pending: PendingValue?
        var indentLevel = 0
        var lineNumber = 0

        func fail(_ reason: String, line: Int? = nil) -> AWSError {
            AWSError(code: "ConfigParseError", message: "\(path) line \(line ?? lineNumber): \(reason)")
        }
        func finish() throws {
            guard let value = pending else { return }
            pending = nil
            let finished = try finishedValue(value, fail: fail)
            if value.section < 0 {
                defaults.properties[value.key] = finished
            } else {
                document.sections[value.section].properties[value.key] = finished
            }
        }

        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = line.trimmingWhitespace()
            if content.hasPrefix("#") || content.hasPrefix(";") { continue }
            if content.isEmpty {
                pending?.lines.append(("", lineNumber))
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if pending != nil, indent > indentLevel {
                pending?.lines.append((content, lineNumber))
                continue
            }
            try finish()
            indentLevel = indent

            if content.hasPrefix("["), let close = content.lastIndex(of: "]"),
                content.index(after: content.startIndex) < close
            {
                let name = String(content[content.index(after: content.startIndex)..<close])
                if name == "DEFAULT" {
                    current = -1
                } else {
                    guard sectionIndex[name] == nil else {
                        throw fail("section [\(name)] appears twice in the file")
                    }
                    sectionIndex[name] = document.sections.count
                    current = document.sections.count
                    document.sections.append(INIDocument.Section(name: name, line: lineNumber))
                }
                continue
            }
            guard let section = current else { throw fail("a property comes before any [section] header") }
            guard let separator = content.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw fail("expected \"[section]\" or \"key = value\"")
            }
            let key = content[..<separator].trimmingWhitespace().lowercased()
            guard !key.isEmpty else { throw fail("property without a name") }
            let properties = section < 0 ? defaults.properties : document.sections[section].properties
            guard properties[key] == nil else {
                throw fail("property \"\(key)\" appears twice in the section")
            }
            let value = content[content.index(after: separator)...].trimmingWhitespace()
            pending = PendingValue(section: section, key: key, lines: [(value, lineNumber)])
        }
        try finish()

        if !defaults.properties.isEmpty {
            for index in document.sections.indices {
                document.sections[index].properties.merge(defaults.properties) { own, _ in own }
            }
        }
        return document
    }

    /// The lines of a value joined (trailing blank lines dropped), or its nested block when the
    /// value starts on the line after its name.
    private static func finishedValue(
        _ value: PendingValue, fail: (String, Int?) -> AWSError
    ) throws -> INIDocument.Value {
        var lines = value.lines
        while let last = lines.last, last.text.isEmpty, lines.count > 1 { lines.removeLast() }
        guard lines.count > 1, lines[0].text.isEmpty else {
            return .text(lines.map { String($0.text) }.joined(separator: "\n"))
        }
        var nested: [String: String] = [:]
        for (text, line) in lines.dropFirst() where !text.isEmpty {
            guard let equals = text.firstIndex(of: "=") else {
                throw fail("expected an indented \"key = value\" under \"\(value.key)\"", line)
            }
            nested[String(text[..<equals].trimmingWhitespace())] = String(
                text[text.index(after: equals)...].trimmingWhitespace())
        }
        return .nested(nested)
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
