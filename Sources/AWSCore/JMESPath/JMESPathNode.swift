/// A compiled JMESPath expression tree.
@usableFromInline
indirect enum JMESPathNode: Sendable {
    /// `@`, and the implicit current node of `[*]` or `[0]` with nothing on their left.
    case current
    case field(String)
    /// Evaluates the left side, then the right side against its result (`a.b`, `a[0]`).
    case subexpression(JMESPathNode, JMESPathNode)
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int)
    /// `left[*].right`, `left[].right`, `left[1:].right`: `right` applied to each element.
    case listProjection(JMESPathNode, JMESPathNode)
    /// `left.*.right`: `right` applied to each value of an object.
    case valueProjection(JMESPathNode, JMESPathNode)
    /// `left[?condition].right`.
    case filterProjection(JMESPathNode, JMESPathNode, condition: JMESPathNode)
    case flatten(JMESPathNode)
    case literal(JSONValue)
    case multiSelectList([JMESPathNode])
    case multiSelectHash([MultiSelectEntry])
    case comparison(Comparator, JMESPathNode, JMESPathNode)
    case and(JMESPathNode, JMESPathNode)
    case or(JMESPathNode, JMESPathNode)
    case not(JMESPathNode)
    case pipe(JMESPathNode, JMESPathNode)
    case function(JMESPathFunction, [JMESPathNode])
    /// `&expression`, an argument for `sort_by`, `max_by`, `min_by` and `map`.
    case expressionReference(JMESPathNode)

    @usableFromInline
    struct MultiSelectEntry: Sendable {
        @usableFromInline var key: String
        @usableFromInline var value: JMESPathNode
    }

    @usableFromInline
    enum Comparator: Sendable {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    }
}
