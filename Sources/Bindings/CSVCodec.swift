import AWSCore

/// Comma-separated values as RFC 4180 writes them: records end with CRLF; a field holding a
/// comma, a quote, CR or LF is quoted, its quotes doubled. Reading accepts CRLF or LF line
/// ends, quoted fields over several lines, a leading byte order mark and a last record without
/// a line end; blank lines are skipped.
enum CSVCodec {
    /// One record read: its fields and the line it starts on (1-based).
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// The records as CSV text, each ended by CRLF.
    static func encode(_ records: [[String]]) -> String {
        var text = ""
        for record in records {
            text += record.map(quotedIfNeeded).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func quotedIfNeeded(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return field
        }
        return "\"" + field.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// The records of `text`. A quote left open, a quote inside an unquoted field, or text
    /// after a closing quote is a `CSVParseError` naming the line.
    static func decode(_ text: String) throws -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var index = 0
        var recordStarted = false

        func endRecord() {
            guard recordStarted else { return }
            fields.append(String(field))
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = String.UnicodeScalarView()
            recordStarted = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                guard field.isEmpty else {
                    throw parseError(
                        line: line, "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                let openedOn = line
                index += 1
                var closed = false
                while index < scalars.count {
                    let inner = scalars[index]
                    if inner == "\"" {
                        if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == "\n" { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw parseError(line: openedOn, "a quoted field is never closed (no matching '\"')")
                }
                recordStarted = true
                if index < scalars.count {
                    let next = scalars[index]
                    guard next == "," || next == "\r" || next == "\n" else {
                        throw parseError(
                            line: line, "text after the closing quote of a field; a quote inside it must be doubled")
                    }
                }
                continue
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                recordStarted = true
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                index += 1
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                recordStarted = true
                field.append(scalar)
            }
            index += 1
        }
        endRecord()
        return records
    }

    static func parseError(line: Int, _ reason: String) -> AWSError {
        AWSError(code: "CSVParseError", message: "line \(line): \(reason)")
    }
}
