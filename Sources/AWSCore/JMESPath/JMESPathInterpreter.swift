import OrderedCollections

/// Evaluates a `JMESPathNode` tree against a value.
extension JMESPathNode {
    /// The result of this expression applied to `value`.
    ///
    /// Chains of sub-expressions and pipes (`a.b.c`, `a | b | c`) are walked in a loop, and each
    /// other kind of node is evaluated in its own small function, so that the stack grows slowly
    /// with the depth of the tree.
    func evaluate(_ value: JSONValue) throws -> JSONValue {
        var steps: [JMESPathNode] = []
        var base = self
        while true {
            switch base {
            case .subexpression(let left, let right), .pipe(let left, let right):
                steps.append(right)
                base = left
                continue
            default:
                break
            }
            break
        }
        var result = try base.evaluateSingle(value)
        for step in steps.reversed() { result = try step.evaluate(result) }
        return result
    }

    private func evaluateSingle(_ value: JSONValue) throws -> JSONValue {
        switch self {
        case .current: return value
        case .field(let name): return value[name] ?? .null
        case .subexpression(let left, let right), .pipe(let left, let right):
            return try right.evaluate(try left.evaluate(value))
        case .index(let n): return Self.index(n, of: value)
        case .slice(let start, let stop, let step):
            guard case .array(let elements) = value else { return .null }
            return .array(Self.slice(elements, start: start, stop: stop, step: step))
        case .listProjection(let left, let right):
            return try Self.listProjection(try left.evaluate(value), right)
        case .valueProjection(let left, let right):
            return try Self.valueProjection(try left.evaluate(value), right)
        case .filterProjection(let left, let right, let condition):
            return try Self.filterProjection(try left.evaluate(value), right, condition)
        case .flatten(let inner): return Self.flatten(try inner.evaluate(value))
        case .literal(let literal): return literal
        case .multiSelectList(let expressions): return try Self.multiSelectList(expressions, value)
        case .multiSelectHash(let entries): return try Self.multiSelectHash(entries, value)
        case .comparison(let comparator, let left, let right):
            return Self.compare(comparator, try left.evaluate(value), try right.evaluate(value))
        case .and(let left, let right): return try Self.and(left, right, value)
        case .or(let left, let right): return try Self.or(left, right, value)
        case .not(let inner): return .bool(!(try inner.evaluate(value).jmesPathTruthy))
        case .function(let function, let arguments): return try Self.call(function, arguments, value)
        case .expressionReference:
            throw AWSError(
                code: "JMESPathInvalidType",
                message: "an expression reference (&...) can only be a function argument")
        }
    }

    private static func index(_ n: Int, of value: JSONValue) -> JSONValue {
        guard case .array(let elements) = value else { return .null }
        let position = n < 0 ? elements.count + n : n
        return elements.indices.contains(position) ? elements[position] : .null
    }

    private static func listProjection(_ base: JSONValue, _ right: JMESPathNode) throws -> JSONValue {
        guard case .array(let elements) = base else { return .null }
        return .array(try project(elements, right))
    }

    private static func valueProjection(_ base: JSONValue, _ right: JMESPathNode) throws -> JSONValue {
        guard case .object(let members) = base else { return .null }
        return .array(try project(Array(members.values), right))
    }

    private static func filterProjection(
        _ base: JSONValue, _ right: JMESPathNode, _ condition: JMESPathNode
    ) throws -> JSONValue {
        guard case .array(let elements) = base else { return .null }
        let kept = try elements.filter { try condition.evaluate($0).jmesPathTruthy }
        return .array(try project(kept, right))
    }

    private static func flatten(_ base: JSONValue) -> JSONValue {
        guard case .array(let elements) = base else { return .null }
        var flat: [JSONValue] = []
        for element in elements {
            if case .array(let nested) = element {
                flat.append(contentsOf: nested)
            } else {
                flat.append(element)
            }
        }
        return .array(flat)
    }

    private static func multiSelectList(_ expressions: [JMESPathNode], _ value: JSONValue) throws
        -> JSONValue
    {
        if case .null = value { return .null }
        return .array(try expressions.map { try $0.evaluate(value) })
    }

    private static func multiSelectHash(_ entries: [MultiSelectEntry], _ value: JSONValue) throws
        -> JSONValue
    {
        if case .null = value { return .null }
        var members = OrderedDictionary<String, JSONValue>()
        for entry in entries { members[entry.key] = try entry.value.evaluate(value) }
        return .object(members)
    }

    private static func and(_ left: JMESPathNode, _ right: JMESPathNode, _ value: JSONValue) throws
        -> JSONValue
    {
        let first = try left.evaluate(value)
        return first.jmesPathTruthy ? try right.evaluate(value) : first
    }

    private static func or(_ left: JMESPathNode, _ right: JMESPathNode, _ value: JSONValue) throws
        -> JSONValue
    {
        let first = try left.evaluate(value)
        return first.jmesPathTruthy ? first : try right.evaluate(value)
    }

    private static func call(
        _ function: JMESPathFunction, _ arguments: [JMESPathNode], _ value: JSONValue
    ) throws -> JSONValue {
        let resolved = try arguments.map { argument -> JMESPathArgument in
            if case .expressionReference(let reference) = argument { return .expression(reference) }
            return .value(try argument.evaluate(value))
        }
        return try function.call(resolved)
    }

    /// `right` applied to each element; null results are left out.
    private static func project(_ elements: [JSONValue], _ right: JMESPathNode) throws -> [JSONValue] {
        var results: [JSONValue] = []
        for element in elements {
            let result = try right.evaluate(element)
            if case .null = result { continue }
            results.append(result)
        }
        return results
    }

    private static func compare(_ comparator: Comparator, _ a: JSONValue, _ b: JSONValue) -> JSONValue {
        switch comparator {
        case .equal: return .bool(a.jmesPathEquals(b))
        case .notEqual: return .bool(!a.jmesPathEquals(b))
        default:
            guard let order = JSONValue.compareNumbers(a, b) else { return .null }
            switch comparator {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    /// Python-style slicing; `step` is never 0 (the parser rejects it).
    static func slice<T>(_ elements: [T], start: Int?, stop: Int?, step: Int) -> [T] {
        let count = elements.count
        func clamp(_ n: Int) -> Int {
            if n < 0 {
                let fromEnd = n + count
                return fromEnd < 0 ? (step < 0 ? -1 : 0) : fromEnd
            }
            return n >= count ? (step < 0 ? count - 1 : count) : n
        }
        var position = start.map(clamp) ?? (step < 0 ? count - 1 : 0)
        let end = stop.map(clamp) ?? (step < 0 ? -1 : count)
        var result: [T] = []
        while step > 0 ? position < end : position > end {
            result.append(elements[position])
            position += step
        }
        return result
    }
}
