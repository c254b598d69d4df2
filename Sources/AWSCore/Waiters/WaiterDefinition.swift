/// One waiter of a `waiters-2.json` file (version 2), checked: the operation to poll, how
/// often, and the acceptors tried in order on each poll.
///
/// Beyond botocore's keys (`operation`, `delay`, `maxAttempts`, `acceptors`, `description`),
/// gluescript reads two of its own, which botocore ignores:
/// - `"progressArgument"`: a JMESPath expression whose value is the state shown while waiting
///   and named in failures (by default the first path acceptor's argument, or the error code);
/// - `"freshness"`: see `WaiterFreshness`.
///
/// `delay` (seconds, default 5) and `maxAttempts` (default 20) may be left out of a waiter a
/// script defines. Anything else wrong (no operation, an unknown matcher or state, an
/// expression that does not parse, an `expected` of the wrong kind) is an `AWSError` with code
/// `InvalidWaiter` naming the waiter and the acceptor.
public struct WaiterDefinition: Sendable {
    public var operation: String
    public var delay: Double
    public var maxAttempts: Int
    public var acceptors: [WaiterAcceptor]
    public var description: String?
    public var progressArgument: JMESPathExpression?
    public var freshness: WaiterFreshness?

    public init(
        operation: String, delay: Double = 5, maxAttempts: Int = 20, acceptors: [WaiterAcceptor],
        description: String? = nil, progressArgument: JMESPathExpression? = nil, freshness: WaiterFreshness? = nil
    ) {
        self.operation = operation
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.acceptors = acceptors
        self.description = description
        self.progressArgument = progressArgument
        self.freshness = freshness
    }

    /// Reads and checks the JSON of one waiter; `name` only serves error messages.
    public init(_ json: JSONValue, name: String = "waiter") throws {
        let fail = { (problem: String) in AWSError(code: "InvalidWaiter", message: "waiter \(name): \(problem)") }
        guard json.objectValue != nil else { throw fail("the definition must be an object") }
        guard let operation = json["operation"]?.stringValue, !operation.isEmpty else {
            throw fail("operation is missing (the name of the operation to poll, e.g. \"GetCrawler\")")
        }
        let delay = try Self.number(json["delay"], default: 5, key: "delay", fail: fail)
        let attempts = try Self.number(json["maxAttempts"], default: 20, key: "maxAttempts", fail: fail)
        guard attempts >= 1, attempts.rounded() == attempts, attempts < 1e9 else {
            throw fail("maxAttempts must be a whole number of at least 1")
        }
        guard let list = json["acceptors"]?.arrayValue, !list.isEmpty else {
            throw fail("acceptors is missing or empty")
        }
        let acceptors = try list.enumerated().map { index, item in
            do {
                return try Self.acceptor(item)
            } catch let problem as AWSError {
                throw fail("acceptor \(index + 1): \(problem.message)")
            }
        }
        var progress: JMESPathExpression?
        if let text = json["progressArgument"] {
            guard let source = text.stringValue else { throw fail("progressArgument must be a string") }
            progress = try Self.compile(source, fail: fail)
        }
        var freshness: WaiterFreshness?
        if let guardJSON = json["freshness"] {
            guard let source = guardJSON["argument"]?.stringValue else {
                throw fail("freshness.argument is missing (the JMESPath of the activity's start time)")
            }
            let skew = try Self.number(guardJSON["skewSeconds"], default: 30, key: "freshness.skewSeconds", fail: fail)
            let after = try Self.number(
                guardJSON["acceptAfterAttempts"], default: 3, key: "freshness.acceptAfterAttempts", fail: fail)
            freshness = WaiterFreshness(
                argument: try Self.compile(source, fail: fail), skewSeconds: skew,
                acceptAfterAttempts: Int(min(after, 1e9)))
        }
        self.init(
            operation: operation, delay: delay, maxAttempts: Int(attempts), acceptors: acceptors,
            description: json["description"]?.stringValue, progressArgument: progress, freshness: freshness)
    }

    private static func acceptor(_ json: JSONValue) throws -> WaiterAcceptor {
        let fail = { (problem: String) in AWSError(code: "InvalidWaiter", message: problem) }
        guard json.objectValue != nil else { throw fail("must be an object") }
        let stateText = json["state"]?.stringValue ?? ""
        guard let state = WaiterAcceptor.State(rawValue: stateText) else {
            throw fail("unknown state \"\(stateText)\" (expected success, failure or retry)")
        }
        guard let expected = json["expected"] else { throw fail("expected is missing") }
        let matcherText = json["matcher"]?.stringValue ?? ""
        let matcher: WaiterAcceptor.Matcher
        switch matcherText {
        case "path", "pathAll", "pathAny":
            guard let source = json["argument"]?.stringValue else {
                throw fail("matcher \(matcherText) needs an argument (a JMESPath expression)")
            }
            let expression = try compile(source, fail: fail)
            matcher =
                matcherText == "path"
                ? .path(expression) : matcherText == "pathAll" ? .pathAll(expression) : .pathAny(expression)
        case "status":
            guard case .integer = expected else { throw fail("matcher status expects an HTTP status number") }
            matcher = .status
        case "error":
            switch expected {
            case .string, .bool: matcher = .error
            default: throw fail("matcher error expects an error code string, true or false")
            }
        default:
            throw fail("unknown matcher \"\(matcherText)\" (expected path, pathAll, pathAny, status or error)")
        }
        return WaiterAcceptor(state: state, matcher: matcher, expected: expected)
    }

    private static func compile(_ source: String, fail: (String) -> AWSError) throws -> JMESPathExpression {
        do {
            return try JMESPath.compile(source)
        } catch let error as AWSError {
            throw fail(error.message)
        }
    }

    private static func number(_ value: JSONValue?, default fallback: Double, key: String, fail: (String) -> AWSError)
        throws -> Double
    {
        guard let value, value != .null else { return fallback }
        guard let number = value.numberValue, number.isFinite, number >= 0 else {
            throw fail("\(key) must be a number of seconds or attempts, not negative")
        }
        return number
    }
}
