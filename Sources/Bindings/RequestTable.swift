import AWSCore
import Host

/// HTTP requests and responses as Lua tables: `{method=, url=, headers={...}, body=}` and
/// `{status=, headers={...}, body=}`.
enum RequestTable {
    static func table(for request: HTTPRequest) -> LuaTable {
        var headers = LuaTable(array: [])
        for header in request.headers { headers[header.name] = .string(header.value) }
        var table = LuaTable(array: [])
        table["method"] = .string(request.method)
        table["url"] = .string(request.url)
        table["headers"] = .table(headers)
        switch request.body {
        case .none: table["body"] = .string("")
        case .bytes(let bytes): table["body"] = .bytes(bytes)
        case .file(let path, _, _): table["body_file"] = .string(path)
        }
        return table
    }

    static func response(from table: LuaTable) throws -> HTTPResponse {
        let function = "parse_response"
        try OptionCheck.only(["status", "headers", "body"], in: table, for: function)
        guard let status = try table.integerOption("status", of: function) else {
            throw AWSError(code: "ValidationError", message: "\(function): the response needs a status")
        }
        guard (100...599).contains(status) else {
            throw AWSError(
                code: "ValidationError",
                message: "\(function): status must be an HTTP status, 100 to 599, got \(status)")
        }
        var headers: [(name: String, value: String)] = []
        let headerTable = try table.tableOption("headers", of: function)
        if let headerTable, !headerTable.array.isEmpty {
            throw AWSError(
                code: "ValidationError", message: "\(function): headers must map names to strings, not be a list")
        }
        for (name, text) in try headerTable?.headerPairs(of: function) ?? [] {
            headers.append((name.lowercased(), text))
        }
        let body = table["body"] == .nil ? [] : table["body"].stringBytes
        guard let body else {
            throw AWSError(
                code: "ValidationError", message: "\(function): body must be a string, got \(table["body"].typeName)")
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
