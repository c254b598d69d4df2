extension JMESPathNode {
    /// The nodes directly below this one.
    var children: [JMESPathNode] {
        switch self {
        case .current, .field, .index, .slice, .literal: return []
        case .subexpression(let a, let b), .listProjection(let a, let b),
            .valueProjection(let a, let b), .comparison(_, let a, let b), .and(let a, let b),
            .or(let a, let b), .pipe(let a, let b):
            return [a, b]
        case .filterProjection(let a, let b, let condition): return [a, b, condition]
        case .flatten(let a), .not(let a), .expressionReference(let a): return [a]
        case .multiSelectList(let elements), .function(_, let elements): return elements
        case .multiSelectHash(let entries): return entries.map(\.value)
        }
    }

    /// How deeply evaluating this tree recurses: one level per node on the longest path, except
    /// that chains of sub-expressions and pipes (`a.b.c`, `a | b`) are walked in a loop and add
    /// nothing. Found without recursion, so that the parser can bound it for any tree.
    var evaluationDepth: Int {
        var pending: [(node: JMESPathNode, childrenDone: Bool)] = [(self, false)]
        var results: [Int] = []
        while let (node, childrenDone) = pending.popLast() {
            let children = node.children
            guard childrenDone else {
                pending.append((node, true))
                pending.append(contentsOf: children.map { ($0, false) })
                continue
            }
            let childDepths = results.suffix(children.count)
            let deepest = childDepths.max() ?? 0
            results.removeLast(children.count)
            switch node {
            case .subexpression, .pipe: results.append(deepest)
            default: results.append(deepest + 1)
            }
        }
        return results.last ?? 0
    }
}
