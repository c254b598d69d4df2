import OrderedCollections

/// Compiled expressions kept by their text, for callers that search with the same few
/// expressions over and over (`aws.search` in a loop). Holds at most `capacity`; when full,
/// the expression compiled longest ago is dropped. Not thread-safe: one per Lua state.
public final class JMESPathExpressionCache {
    public let capacity: Int
    private var expressions = OrderedDictionary<String, JMESPathExpression>()

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
    }

    /// `text` compiled, from the cache when it was compiled before; errors are not kept.
    public func expression(_ text: String) throws -> JMESPathExpression {
        if let expression = expressions[text] { return expression }
        let expression = try JMESPath.compile(text)
        if expressions.count >= capacity { expressions.removeFirst() }
        expressions[text] = expression
        return expression
    }

    /// How many expressions the cache holds.
    public var count: Int { expressions.count }
}
