/// Truth and equality as JMESPath defines them, over any document's values.
extension JMESPathEvaluator {
    /// How deeply two values may nest when compared; deeper (or a value that contains
    /// itself, which data kept outside `JSONValue` can) is an error, not a crash.
    @inlinable static var maximumComparisonDepth: Int { 1000 }

    /// False for null, false, and empty strings, arrays and objects; true otherwise.
    @inlinable func truthy(_ value: Value) throws -> Bool {
        switch try document.content(of: value) {
        case .null: return false
        case .boolean(let b): return b
        case .integer, .double: return true
        case .string(let s): return !s.isEmpty
        case .array, .object: return try document.count(of: value) > 0
        }
    }

    /// Equality by content: `1 == 1.0`, objects equal whatever their key order, strings by
    /// code points (no Unicode normalisation).
    @inlinable func equals(_ a: Value, _ b: Value, depth: Int = 0) throws -> Bool {
        guard depth < Self.maximumComparisonDepth else {
            throw AWSError(
                code: "JMESPathInvalidValue",
                message:
                    "values nested more than \(Self.maximumComparisonDepth) levels deep (or containing themselves) cannot be compared"
            )
        }
        let x = try document.content(of: a)
        let y = try document.content(of: b)
        switch (x, y) {
        case (.array, .array):
            guard let first = try document.elements(of: a), let second = try document.elements(of: b),
                first.count == second.count
            else { return false }
            for (e, f) in zip(first, second) where !(try equals(e, f, depth: depth + 1)) { return false }
            return true
        case (.object, .object):
            guard let members = try document.members(of: a), members.count == (try document.count(of: b)) else {
                return false
            }
            for (key, member) in members {
                guard let other = try document.member(key, of: b), try equals(member, other, depth: depth + 1)
                else { return false }
            }
            return true
        case (.string(let s), .string(let t)): return s.unicodeScalars.elementsEqual(t.unicodeScalars)
        case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
            return JMESPathContent.compareNumbers(x, y) == 0
        default: return x == y
        }
    }
}
