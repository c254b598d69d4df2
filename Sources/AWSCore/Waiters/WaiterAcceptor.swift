/// One acceptor of a waiter: when its matcher matches a poll's outcome, the waiter goes to
/// its state.
public struct WaiterAcceptor: Sendable {
    /// What a match means.
    public enum State: String, Sendable, CaseIterable {
        case success, failure, retry
    }

    /// What is looked at, as botocore's waiter matchers do.
    public enum Matcher: Sendable {
        /// The expression's result equals `expected` (never matches an error).
        case path(JMESPathExpression)
        /// The result is a non-empty list whose elements all equal `expected`.
        case pathAll(JMESPathExpression)
        /// The result is a list with an element equal to `expected`.
        case pathAny(JMESPathExpression)
        /// The HTTP status (of the response, or of the error) equals `expected`.
        case status
        /// `expected` is an error code; `true` matches any error, `false` no error.
        case error

        public var name: String {
            switch self {
            case .path: return "path"
            case .pathAll: return "pathAll"
            case .pathAny: return "pathAny"
            case .status: return "status"
            case .error: return "error"
            }
        }

        /// The JMESPath argument of the path matchers.
        public var argument: JMESPathExpression? {
            switch self {
            case .path(let e), .pathAll(let e), .pathAny(let e): return e
            case .status, .error: return nil
            }
        }
    }

    public var state: State
    public var matcher: Matcher
    public var expected: JSONValue

    public init(state: State, matcher: Matcher, expected: JSONValue) {
        self.state = state
        self.matcher = matcher
        self.expected = expected
    }

    /// Whether this acceptor matches a poll that returned `response` or failed with `error`.
    /// An expression that fails on the response (a type error in a script's own waiter, say)
    /// is thrown, as botocore does, rather than read as "no match" until the wait times out.
    public func matches(response: JSONValue?, error: AWSError?) throws -> Bool {
        switch matcher {
        case .path(let expression):
            guard error == nil, let response else { return false }
            return try expression.search(response).jmesPathEquals(expected)
        case .pathAll(let expression):
            guard error == nil, let response, let items = try expression.search(response).arrayValue, !items.isEmpty
            else { return false }
            return items.allSatisfy { $0.jmesPathEquals(expected) }
        case .pathAny(let expression):
            guard error == nil, let response, let items = try expression.search(response).arrayValue else {
                return false
            }
            return items.contains { $0.jmesPathEquals(expected) }
        case .status:
            let status = error != nil ? error?.status : response.map(Self.status(of:))
            guard let status else { return false }
            return JSONValue.integer(Int64(status)).jmesPathEquals(expected)
        case .error:
            switch expected {
            case .bool(true): return error != nil
            case .bool(false): return error == nil
            default: return error.map { JSONValue.string($0.code).jmesPathEquals(expected) } ?? false
            }
        }
    }

    /// The HTTP status of a successful response: its `ResponseMetadata.HTTPStatusCode`, else 200.
    static func status(of response: JSONValue) -> Int {
        if case .integer(let code)? = response["ResponseMetadata"]?["HTTPStatusCode"] { return Int(code) }
        return 200
    }

    /// What was matched, for messages: `Crawler.State == "READY"`, `HTTP status 404`.
    public var explanation: String {
        let value = (try? JSONEncoding.encodeString(expected, options: .base64Binary)) ?? "?"
        switch matcher {
        case .path(let e): return "\(e.source) == \(value)"
        case .pathAll(let e): return "every \(e.source) == \(value)"
        case .pathAny(let e): return "some \(e.source) == \(value)"
        case .status: return "HTTP status \(value)"
        case .error:
            switch expected {
            case .bool(true): return "any error"
            case .bool(false): return "no error"
            default: return "error \(expected.stringValue ?? value)"
            }
        }
    }
}
