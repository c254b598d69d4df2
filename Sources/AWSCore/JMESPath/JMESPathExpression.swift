/// A compiled JMESPath expression: compile once, search many documents.
public struct JMESPathExpression: Sendable, CustomStringConvertible {
    /// The expression's text as given to `JMESPath.compile`.
    public let source: String
    @usableFromInline let root: JMESPathNode

    /// The result of the expression applied to `data`.
    ///
    /// Throws `AWSError` with code `JMESPathInvalidType` when a function gets an argument of
    /// the wrong type.
    public func search(_ data: JSONValue) throws -> JSONValue {
        try search(data, in: JSONValueDocument())
    }

    /// The result of the expression applied to `value`, a value of `document`; errors are
    /// those of `search(_:)` and whatever the document throws while reading.
    @inlinable
    public func search<Document: JMESPathDocument>(_ value: Document.Value, in document: Document) throws
        -> Document.Value
    {
        try JMESPathEvaluator(document: document).evaluate(root, value)
    }

    public var description: String { source }
}
