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
        var headers: [(name: String, value: String)] = []
        for (key, value) in try table.tableOption("headers", of: function)?.fields ?? [:] {
            guard let name = key.stringValue, let text = value.stringValue ?? value.numberText else {
                throw AWSError(code: "ValidationError", message: "\(function): headers must map names to strings")
            }
            headers.append((name.lowercased(), text))
        }
        let body = table["body"] == .nil ? [] : (table["body"].stringBytes ?? [])
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
