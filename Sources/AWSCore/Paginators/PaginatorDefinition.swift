/// One operation's entry in botocore's `paginators-1.json`: which input member takes the
/// token, where the next token and the items are in each page.
///
/// `input_token` and `output_token` may each be one name or a list (S3 ListObjectVersions
/// sends two tokens); each output token is a JMESPath expression
/// (`NextMarker || Contents[-1].Key`). `result_key` and `non_aggregate_keys` are JMESPath
/// expressions too. A malformed definition is an `AWSError` with code `InvalidPaginator`.
public struct PaginatorDefinition: Sendable {
    public var inputTokens: [String]
    public var outputTokens: [JMESPathExpression]
    /// When present and falsy in a page, that page is the last one.
    public var moreResults: JMESPathExpression?
    /// The input member that sets how many items a page holds (`MaxItems`, `MaxKeys`).
    public var limitKey: String?
    /// The page members holding the items; the first one is what `maxItems` counts.
    public var resultKeys: [JMESPathExpression]
    /// Page members that are the same on every page, taken from the first by `collect`.
    public var nonAggregateKeys: [JMESPathExpression]

    public init(_ json: JSONValue) throws {
        guard json.objectValue != nil else { throw Self.invalid("a paginator definition must be an object") }
        inputTokens = try Self.names(json["input_token"], key: "input_token")
        outputTokens = try Self.names(json["output_token"], key: "output_token").map(Self.compile)
        guard inputTokens.count == outputTokens.count else {
            throw Self.invalid(
                "input_token has \(inputTokens.count) names but output_token has \(outputTokens.count)")
        }
        if let more = json["more_results"], more != .null {
            guard let text = more.stringValue else { throw Self.invalid("more_results must be a string") }
            moreResults = try Self.compile(text)
        }
        if let limit = json["limit_key"], limit != .null {
            guard let text = limit.stringValue else { throw Self.invalid("limit_key must be a string") }
            limitKey = text
        }
        resultKeys = try Self.optionalNames(json["result_key"], key: "result_key").map(Self.compile)
        nonAggregateKeys = try Self.optionalNames(json["non_aggregate_keys"], key: "non_aggregate_keys")
            .map(Self.compile)
    }

    private static func names(_ value: JSONValue?, key: String) throws -> [String] {
        let list = try optionalNames(value, key: key)
        guard !list.isEmpty else { throw invalid("\(key) is missing") }
        return list
    }

    private static func optionalNames(_ value: JSONValue?, key: String) throws -> [String] {
        switch value {
        case nil, .null?: return []
        case .string(let name)?: return [name]
        case .array(let items)?:
            return try items.map { item in
                guard let name = item.stringValue else { throw invalid("\(key) must hold strings") }
                return name
            }
        default: throw invalid("\(key) must be a string or a list of strings")
        }
    }

    private static func compile(_ expression: String) throws -> JMESPathExpression {
        do {
            return try JMESPath.compile(expression)
        } catch let error as AWSError {
            throw invalid(error.message)
        }
    }

    static func invalid(_ message: String) -> AWSError {
        AWSError(code: "InvalidPaginator", message: message)
    }
}
