/// How JMESPath sees a `JSONValue`: types, truth and equality (`JSONValueDocument`).
///
/// `.binary` counts as a string whose text is its bytes read as UTF-8 (invalid sequences
/// become U+FFFD), so `type()` says "string" and it compares equal to that string.
extension JSONValue {
    /// The JMESPath type name: number, string, boolean, array, object or null.
    public var jmesPathType: String { JSONValueDocument().content(of: self).typeName }

    /// False for null, false, and empty strings, arrays and objects; true otherwise.
    public var jmesPathTruthy: Bool {
        (try? JMESPathEvaluator(document: JSONValueDocument()).truthy(self)) ?? false
    }

    /// Equality by content, as JMESPath and waiters compare: `1 == 1.0`, objects equal whatever
    /// their key order, strings by code points (no Unicode normalisation). Values nested more
    /// than 1,000 levels deep are not equal.
    public func jmesPathEquals(_ other: JSONValue) -> Bool {
        (try? JMESPathEvaluator(document: JSONValueDocument()).equals(self, other)) ?? false
    }
}
