import AWSCore
import Host

/// `aws.table(rows, {columns=, title=})` and `aws.csv.encode(rows, {columns=})` /
/// `aws.csv.decode(text, {header=})`: lists of results as data engineers read and exchange
/// them. Rows are tables keyed by column name; the columns default to every key of the rows,
/// sorted.
enum RowFunctions {
    static var table: LuaValue {
        let function = LuaFunction("table") { call in
            let name = "aws.table"
            let rows = try rowTables(call, function: name)
            let settings = try call.optionalTable(2, "options")
            if let settings { try OptionCheck.only(["columns", "title"], in: settings, for: name) }
            let header = try columns(of: rows, settings: settings, function: name)
            let cells = try rows.enumerated().map { index, row in
                try header.map { try cellText(row[$0], path: "rows[\(index + 1)].\($0)", function: name) }
            }
            let title = try settings?.stringOption("title", of: name)
            return [.string(TextTable.render(header: header, rows: cells, title: title))]
        }
        function.help = {
            "aws.table(rows, {columns = {...}, title = \"...\"}): the rows (tables keyed by column) as an "
                + "aligned text table, as the AWS CLI's --output table prints one section"
        }
        return .function(function)
    }

    static func csv() -> LuaValue {
        var module = LuaTable(array: [])
        let encode = LuaFunction("encode") { call in
            let name = "aws.csv.encode"
            let rows = try rowTables(call, function: name)
            let settings = try call.optionalTable(2, "options")
            if let settings { try OptionCheck.only(["columns"], in: settings, for: name) }
            let header = try columns(of: rows, settings: settings, function: name)
            let records = try rows.enumerated().map { index, row in
                try header.map { try cellText(row[$0], path: "rows[\(index + 1)].\($0)", function: name) }
            }
            return [.string(CSVCodec.encode([header] + records))]
        }
        encode.help = {
            "aws.csv.encode(rows, {columns = {...}}): RFC 4180 text, a header row then one line (CRLF) per row"
        }
        let decode = LuaFunction("decode") { call in
            try decodeCSV(call)
        }
        decode.help = {
            "aws.csv.decode(text, {header = true}): the rows of RFC 4180 text as tables keyed by the header row "
                + "(with header = false: lists of fields)"
        }
        module["encode"] = .function(encode)
        module["decode"] = .function(decode)
        return .table(module)
    }

    private static func decodeCSV(_ call: LuaCall) throws -> [LuaValue] {
        let name = "aws.csv.decode"
        guard case .string(let text) = call[1] else {
            if case .bytes = call[1] {
                throw AWSError(code: "ValidationError", message: "\(name): the text must be UTF-8")
            }
            throw call.argumentError(1, expected: "string")
        }
        var useHeader = true
        if let settings = try call.optionalTable(2, "options") {
            try OptionCheck.only(["header"], in: settings, for: name)
            useHeader = try settings.booleanOption("header", of: name) ?? true
        }
        let records: [CSVCodec.Record]
        do {
            records = try CSVCodec.decode(text)
        } catch var error as AWSError {
            error.message = "\(name): " + error.message
            throw error
        }
        guard useHeader else {
            return [.table(LuaTable(array: records.map { .table(LuaTable(array: $0.fields.map { .string($0) })) }))]
        }
        guard let header = records.first else { return [.table(LuaTable(array: []))] }
        var seen = Set<String>()
        for column in header.fields where !seen.insert(column).inserted {
            throw CSVCodec.parseError(line: header.line, "the header names column \"\(column)\" twice")
                .prefixed(name)
        }
        let rows = try records.dropFirst().map { record -> LuaValue in
            guard record.fields.count == header.fields.count else {
                throw CSVCodec.parseError(
                    line: record.line,
                    "\(record.fields.count) fields where the header has \(header.fields.count)"
                ).prefixed(name)
            }
            var row = LuaTable(array: [])
            for (column, value) in zip(header.fields, record.fields) { row[column] = .string(value) }
            return .table(row)
        }
        return [.table(LuaTable(array: rows))]
    }

    /// Argument 1: a list of tables.
    private static func rowTables(_ call: LuaCall, function: String) throws -> [LuaTable] {
        let list = try call.table(1, "rows")
        return try list.array.enumerated().map { index, value in
            guard case .table(let row) = value else {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(function): rows[\(index + 1)] must be a table, got \(value.typeName)")
            }
            return row
        }
    }

    /// The `columns` option, else every string key of the rows, sorted.
    private static func columns(of rows: [LuaTable], settings: LuaTable?, function: String) throws -> [String] {
        if let given = settings?["columns"], given != .nil {
            guard case .table(let list) = given, list.fields.isEmpty,
                let names = Optional(list.array.compactMap { $0 == .nil ? nil : $0.stringValue }),
                names.count == list.array.count, !names.isEmpty
            else {
                throw AWSError(
                    code: "ValidationError", message: "\(function): option 'columns' must be a list of column names")
            }
            return names
        }
        var names = Set<String>()
        for row in rows {
            for key in row.fields.keys { if case .string(let name) = key { names.insert(name) } }
        }
        guard !names.isEmpty else {
            throw AWSError(
                code: "ValidationError",
                message: "\(function): the rows have no named fields to make columns of; give columns = {...}")
        }
        return names.sorted()
    }

    /// A cell as text: strings as they are, numbers as `tostring` writes them, booleans
    /// `true`/`false`, nil empty, tables as compact JSON.
    private static func cellText(_ value: LuaValue, path: String, function: String) throws -> String {
        switch value {
        case .nil: return ""
        case .boolean(let b): return b ? "true" : "false"
        case .integer, .number: return value.numberText ?? ""
        case .string(let s): return s
        case .bytes: return value.stringValue ?? ""
        case .table:
            do {
                return try JSONEncoding.encodeString(try value.toJSON(path: path), options: [.sortedKeys])
            } catch var error as AWSError {
                error.message = "\(function): " + error.message
                throw error
            }
        default:
            throw AWSError(
                code: "ValidationError", message: "\(function): \(path): a \(value.typeName) cannot be written")
        }
    }
}

extension AWSError {
    /// The error with `function: ` put before its message.
    fileprivate func prefixed(_ function: String) -> AWSError {
        var error = self
        error.message = function + ": " + message
        return error
    }
}
