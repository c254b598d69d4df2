/// A compiled JMESPath expression: compile once, search many documents.
public struct JMESPathExpression: Sendable, CustomStringConvertible {
    /// The expression's text as given to `JMESPath.compile`.
    public let source: String
    let root: JMESPathNode

    /// The result of the expression applied to `data`.
    ///
    /// Throws `AWSError` with code `JMESPathInvalidType` when a function gets an argument of
    /// the wrong type.
    public func search(_ data: JSONValue) throws -> JSONValue {
        try root.evaluate(data)
    }

    public var description: String { source }
}
