/// JMESPath (https://jmespath.org/specification.html), the query language of paginators,
/// waiters and `aws.search`.
///
/// Errors are `AWSError` with these codes:
/// - `JMESPathSyntaxError`: the expression does not parse; the message names the column
///   (1-based) and what was found there.
/// - `JMESPathUnknownFunction`, `JMESPathInvalidArity`: found when compiling.
/// - `JMESPathInvalidValue`: a slice step of 0; values compared that nest more than 1,000
///   levels deep (Lua data that contains itself).
/// - `JMESPathInvalidType`: a function got an argument of the wrong type (found when searching).
///
/// `.binary` values behave as strings holding their bytes read as UTF-8.
///
/// A compiled expression searches `JSONValue` trees (`search(_:)`) or the values of any
/// `JMESPathDocument` (`search(_:in:)`: Lua tables read in place, for `aws.search`).
public enum JMESPath {
    /// Parses `expression` once, for searching many documents.
    public static func compile(_ expression: String) throws -> JMESPathExpression {
        do {
            var lexer = JMESPathLexer(expression)
            var parser = JMESPathParser(try lexer.tokenize())
            return JMESPathExpression(source: expression, root: try parser.parse())
        } catch var error as AWSError {
            error.message += " in \"\(QuotedValue.shortened(expression))\""
            throw error
        }
    }

    /// Compiles `expression` and applies it to `data`.
    public static func search(_ expression: String, _ data: JSONValue) throws -> JSONValue {
        try compile(expression).search(data)
    }
}
