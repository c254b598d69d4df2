import OrderedCollections

/// Evaluates a `JMESPathNode` tree against a value.
extension JMESPathNode {
  func evaluate(_ value: JSONValue) throws -> JSONValue {
    switch self {
    case .current: return value
    case .field(let name): return value[name] ?? .null
    case .subexpression(let left, let right):
      return try right.evaluate(try left.evaluate(value))
    case .index(let n):
      guard case .array(let elements) = value else { return .null }
      let position = n < 0 ? elements.count + n : n
      return elements.indices.contains(position) ? elements[position] : .null
    case .slice(let start, let stop, let step):
      guard case .array(let elements) = value else { return .null }
      return .array(Self.slice(elements, start: start, stop: stop, step: step))
    case .listProjection(let left, let right):
      guard case .array(let elements) = try left.evaluate(value) else { return .null }
      return .array(try Self.project(elements, right))
    case .valueProjection(let left, let right):
      guard case .object(let members) = try left.evaluate(value) else { return .null }
      return .array(try Self.project(Array(members.values), right))
    case .filterProjection(let left, let right, let condition):
      guard case .array(let elements) = try left.evaluate(value) else { return .null }
      let kept = try elements.filter { try condition.evaluate($0).jmesPathTruthy }
      return .array(try Self.project(kept, right))
    case .flatten(let inner):
      guard case .array(let elements) = try inner.evaluate(value) else { return .null }
      var flat: [JSONValue] = []
      for element in elements {
        if case .array(let nested) = element {
          flat.append(contentsOf: nested)
        } else {
          flat.append(element)
        }
      }
      return .array(flat)
    case .literal(let literal): return literal
    case .multiSelectList(let expressions):
      if case .null = value { return .null }
      return .array(try expressions.map { try $0.evaluate(value) })
    case .multiSelectHash(let entries):
      if case .null = value { return .null }
      var members = OrderedDictionary<String, JSONValue>()
      for entry in entries { members[entry.key] = try entry.value.evaluate(value) }
      return .object(members)
    case .comparison(let comparator, let left, let right):
      return Self.compare(comparator, try left.evaluate(value), try right.evaluate(value))
    case .and(let left, let right):
      let first = try left.evaluate(value)
      return first.jmesPathTruthy ? try right.evaluate(value) : first
    case .or(let left, let right):
      let first = try left.evaluate(value)
      return first.jmesPathTruthy ? first : try right.evaluate(value)
    case .not(let inner): return .bool(!(try inner.evaluate(value).jmesPathTruthy))
    case .pipe(let left, let right): return try right.evaluate(try left.evaluate(value))
    case .function(let function, let arguments):
      let resolved = try arguments.map { argument -> JMESPathArgument in
        if case .expressionReference(let reference) = argument { return .expression(reference) }
        return .value(try argument.evaluate(value))
      }
      return try function.call(resolved)
    case .expressionReference:
      throw AWSError(
        code: "JMESPathInvalidType",
        message: "an expression reference (&...) can only be a function argument")
    }
  }

  /// `right` applied to each element; null results are left out.
  private static func project(_ elements: [JSONValue], _ right: JMESPathNode) throws -> [JSONValue]
  {
    var results: [JSONValue] = []
    for element in elements {
      let result = try right.evaluate(element)
      if case .null = result { continue }
      results.append(result)
    }
    return results
  }

  private static func compare(_ comparator: Comparator, _ a: JSONValue, _ b: JSONValue) -> JSONValue
  {
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
