import AWSCore
import FoundationEssentials
import Host

/// `aws.sign{method=, url=, headers=, body=, service=, region=, credentials=, time=,
/// normalize_path=, sign_body=, expires=}`: SigV4 for any request, as a header or (with
/// `expires`) a presigned URL, returned with the canonical request and string to sign.
enum SignFunction {
    static let options = [
        "method", "url", "headers", "body", "service", "region", "credentials", "time", "normalize_path",
        "sign_body", "expires",
    ]

    static func function(_ session: Session) -> LuaValue {
        .function(
            LuaFunction("sign") { call in
                [.table(try sign(try call.table(1, "request"), session: session))]
            })
    }

    static func sign(_ t: LuaTable, session: Session) throws -> LuaTable {
        let name = "aws.sign"
        try OptionCheck.only(options, in: t, for: name)
        guard let url = try t.stringOption("url", of: name) else { throw missing("url") }
        guard let service = try t.stringOption("service", of: name) else { throw missing("service") }
        let method = try t.stringOption("method", of: name)?.uppercased() ?? "GET"
        guard !method.isEmpty, method.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw AWSError(
                code: "ValidationError",
                message: "\(name): method \"\(QuotedValue.shortened(method))\" is not an HTTP method")
        }
        var request = HTTPRequest(method: method, url: url)
        if let headers = try t.tableOption("headers", of: name) {
            for (headerName, headerValue) in try headers.headerPairs(of: name) {
                guard !headerName.isEmpty, !headerName.utf8.contains(where: { $0 <= 0x20 || $0 == 0x3A || $0 >= 0x7F }),
                    !headerValue.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 })
                else {
                    throw AWSError(
                        code: "ValidationError",
                        message:
                            "\(name): header \"\(QuotedValue.shortened(headerName))\" has a name or value that cannot be sent"
                    )
                }
                request.headers.append((headerName, headerValue))
            }
        }
        if t["body"] != .nil {
            guard let body = t["body"].stringBytes else {
                throw AWSError(code: "ValidationError", message: "\(name): option 'body' must be a string")
            }
            request.body = .bytes(body)
        }

        let credentials: Credentials
        if let given = try t.tableOption("credentials", of: name) {
            credentials = try CredentialsOption.read(given, of: name)
        } else {
            let resolver = try session.resolver()
            credentials = try session.credentials(for: resolver).credentials()
        }
        let region = try t.stringOption("region", of: name) ?? session.resolver().region()
        guard !region.isEmpty else { throw AWSError(code: "ValidationError", message: "\(name): region is empty") }
        var signingOptions = SigV4Signer.Options.forService(service)
        if let normalize = try t.booleanOption("normalize_path", of: name) { signingOptions.normalizePath = normalize }
        if let signBody = try t.booleanOption("sign_body", of: name) { signingOptions.signBody = signBody }
        let signer = SigV4Signer(credentials: credentials, region: region, service: service, options: signingOptions)
        let date = try signingDate(t["time"])

        let result: SigningResult
        if let expires = try t.integerOption("expires", of: name) {
            result = try signer.presign(request, expires: expires, date: date)
        } else {
            result = try signer.signed(request, date: date)
        }
        var headers = LuaTable(array: [])
        for header in result.request.headers { headers[header.name] = .string(header.value) }
        var out = LuaTable(array: [])
        out["url"] = .string(result.request.url)
        out["method"] = .string(result.request.method)
        out["headers"] = .table(headers)
        out["canonical_request"] = .string(result.canonicalRequest)
        out["string_to_sign"] = .string(result.stringToSign)
        out["signature"] = .string(result.signature)
        out["signed_headers"] = .string(result.signedHeaders)
        return out
    }

    /// `time` as an ISO 8601 / HTTP date string or epoch seconds; now when absent.
    private static func signingDate(_ value: LuaValue) throws -> Date {
        switch value {
        case .nil: return Date()
        case .integer, .number:
            guard let seconds = value.numberValue, Timestamp.supportedRange.contains(seconds) else {
                throw AWSError(
                    code: "ValidationError",
                    message:
                        "aws.sign: option 'time' must be epoch seconds of the years 1 to 9999, got \(value.numberText ?? "?")"
                )
            }
            return Date(timeIntervalSince1970: seconds)
        default:
            guard let text = value.stringValue, let timestamp = Timestamp(parsing: text) else {
                throw AWSError(
                    code: "ValidationError",
                    message: "aws.sign: option 'time' must be an ISO 8601 time such as 2015-08-30T12:36:00Z")
            }
            return Date(timeIntervalSince1970: timestamp.epochSeconds)
        }
    }

    private static func missing(_ option: String) -> AWSError {
        AWSError(code: "ValidationError", message: "aws.sign: option '\(option)' is required")
    }
}

extension LuaValue {
    /// A number written as Lua's `tostring` would, for header values given as numbers.
    var numberText: String? {
        switch self {
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        default: return nil
        }
    }
}
