extension PaginatorDefinition {
    /// The top-level page members that the output tokens, `more_results` and the
    /// non-aggregate keys read, when each of them is a dotted member path starting outside
    /// the result keys (`NextToken`, `IsTruncated`): a page's tokens can then be found in
    /// those members alone (`MemberCapturingBuilder`). Nil when one is another expression
    /// (`NextMarker || Contents[-1].Key`) or reaches into a result key.
    public var tokenMemberNames: Set<String>? {
        let results = Set(resultKeys.compactMap { JSONValue.dottedPathMembers($0.source)?.first })
        var names = Set<String>()
        for expression in outputTokens + (moreResults.map { [$0] } ?? []) + nonAggregateKeys {
            guard let first = JSONValue.dottedPathMembers(expression.source)?.first, !results.contains(first)
            else { return nil }
            names.insert(first)
        }
        return names
    }
}
