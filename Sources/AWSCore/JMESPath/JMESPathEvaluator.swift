import OrderedCollections

/// Evaluates `JMESPathNode` trees against the values of one document.
///
/// Inlinable, so that each document's code is specialized where it is used (`aws.search`
/// in Bindings) instead of running through generic metadata at every step.
@usableFromInline
struct JMESPathEvaluator<Document: JMESPathDocument> {
    @usableFromInline typealias Value = Document.Value

    @usableFromInline let document: Document

    @inlinable init(document: Document) {
        self.document = document
    }

    /// The result of `node` applied to `value`.
    ///
    /// Chains of sub-expressions and pipes (`a.b.c`, `a | b | c`) are walked in a loop, and each
    /// other kind of node is evaluated in its own small function, so that the stack grows slowly
    /// with the depth of the tree.
    @inlinable func evaluate(_ node: JMESPathNode, _ value: Value) throws -> Value {
        var steps: [JMESPathNode] = []
        var base = node
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
        var result = try evaluateSingle(base, value)
        for step in steps.reversed() { result = try evaluate(step, result) }
        return result
    }

    @inlinable func evaluateSingle(_ node: JMESPathNode, _ value: Value) throws -> Value {
        switch node {
        case .current: return value
        case .field(let name): return try document.member(name, of: value) ?? document.null
        case .subexpression(let left, let right), .pipe(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .index(let n): return try index(n, of: value)
        case .slice(let start, let stop, let step):
            guard let elements = try document.elements(of: value) else { return document.null }
            return document.makeArray(Self.slice(elements, start: start, stop: stop, step: step))
        case .listProjection(let left, let right):
            guard let elements = try document.elements(of: try evaluate(left, value)) else { return document.null }
            return document.makeArray(try project(elements, right))
        case .valueProjection(let left, let right):
            guard let members = try document.members(of: try evaluate(left, value)) else { return document.null }
            return document.makeArray(try project(members.map(\.value), right))
        case .filterProjection(let left, let right, let condition):
            guard let elements = try document.elements(of: try evaluate(left, value)) else { return document.null }
            let kept = try elements.filter { try truthy(try evaluate(condition, $0)) }
            return document.makeArray(try project(kept, right))
        case .flatten(let inner): return try flatten(try evaluate(inner, value))
        case .literal(let literal): return document.make(literal)
        case .multiSelectList(let expressions):
            if try document.isNull(value) { return document.null }
            return document.makeArray(try expressions.map { try evaluate($0, value) })
        case .multiSelectHash(let entries):
            if try document.isNull(value) { return document.null }
            var members = OrderedDictionary<String, Value>()
            for entry in entries { members[entry.key] = try evaluate(entry.value, value) }
            return document.makeObject(members)
        case .comparison(let comparator, let left, let right):
            return try compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .and(let left, let right):
            let first = try evaluate(left, value)
            return try truthy(first) ? try evaluate(right, value) : first
        case .or(let left, let right):
            let first = try evaluate(left, value)
            return try truthy(first) ? first : try evaluate(right, value)
        case .not(let inner): return document.make(.bool(!(try truthy(try evaluate(inner, value)))))
        case .function(let function, let arguments): return try call(function, arguments, value)
        case .expressionReference:
            throw AWSError(
                code: "JMESPathInvalidType",
                message: "an expression reference (&...) can only be a function argument")
        }
    }

    @inlinable func index(_ n: Int, of value: Value) throws -> Value {
        guard let elements = try document.elements(of: value) else { return document.null }
        let position = n < 0 ? elements.count + n : n
        return elements.indices.contains(position) ? elements[position] : document.null
    }

    @inlinable func flatten(_ base: Value) throws -> Value {
        guard let elements = try document.elements(of: base) else { return document.null }
        var flat: [Value] = []
        for element in elements {
            if let nested = try document.elements(of: element) {
                flat.append(contentsOf: nested)
            } else {
                flat.append(element)
            }
        }
        return document.makeArray(flat)
    }

    @inlinable func call(_ function: JMESPathFunction, _ arguments: [JMESPathNode], _ value: Value) throws -> Value {
        let resolved = try arguments.map { argument -> JMESPathArgument<Value> in
            if case .expressionReference(let reference) = argument { return .expression(reference) }
            return .value(try evaluate(argument, value))
        }
        return try call(function, resolved)
    }

    /// `right` applied to each element; null results are left out.
    @inlinable func project(_ elements: [Value], _ right: JMESPathNode) throws -> [Value] {
        var results: [Value] = []
        for element in elements {
            let result = try evaluate(right, element)
            if try document.isNull(result) { continue }
            results.append(result)
        }
        return results
    }

    @inlinable func compare(_ comparator: JMESPathNode.Comparator, _ a: Value, _ b: Value) throws -> Value {
        switch comparator {
        case .equal: return document.make(.bool(try equals(a, b)))
        case .notEqual: return document.make(.bool(!(try equals(a, b))))
        default:
            let order = JMESPathContent.compareNumbers(try document.content(of: a), try document.content(of: b))
            guard let order else { return document.null }
            switch comparator {
            case .less: return document.make(.bool(order < 0))
            case .lessOrEqual: return document.make(.bool(order <= 0))
            case .greater: return document.make(.bool(order > 0))
            default: return document.make(.bool(order >= 0))
            }
        }
    }

    /// Python-style slicing; `step` is never 0 (the parser rejects it).
    @inlinable static func slice<T>(_ elements: [T], start: Int?, stop: Int?, step: Int) -> [T] {
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
