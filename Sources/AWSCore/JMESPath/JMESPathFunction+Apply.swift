import OrderedCollections

/// The bodies of the built-in functions; arguments have already been checked against the
/// signatures in `JMESPathFunction.parameters`.
extension JMESPathFunction {
    func apply(_ arguments: [JMESPathArgument]) throws -> JSONValue {
        let values = arguments.map { argument -> JSONValue in
            if case .value(let value) = argument { return value }
            return .null
        }
        let first = values[0]
        switch self {
        case .abs:
            if case .integer(let i) = first, i != .min { return .integer(Swift.abs(i)) }
            return .double(Swift.abs(first.numberValue ?? 0))
        case .avg:
            let numbers = first.arrayValue?.compactMap(\.numberValue) ?? []
            guard !numbers.isEmpty else { return .null }
            return .double(numbers.reduce(0, +) / Double(numbers.count))
        case .ceil: return Self.rounded(first, .up)
        case .floor: return Self.rounded(first, .down)
        case .contains:
            if let text = first.jmesPathString {
                guard let needle = values[1].jmesPathString else { return .bool(false) }
                return .bool(Self.containsScalars(text, needle))
            }
            return .bool(first.arrayValue?.contains { $0.jmesPathEquals(values[1]) } ?? false)
        case .starts_with:
            return .bool(
                Self.text(first).unicodeScalars.starts(with: Self.text(values[1]).unicodeScalars))
        case .ends_with:
            return .bool(
                Self.text(first).unicodeScalars.reversed().starts(
                    with: Self.text(values[1]).unicodeScalars.reversed()))
        case .join:
            let parts = (values[1].arrayValue ?? []).map(Self.text)
            return .string(parts.joined(separator: Self.text(first)))
        case .keys: return .array((first.objectValue?.keys).map { $0.map(JSONValue.string) } ?? [])
        case .values: return .array((first.objectValue?.values).map(Array.init) ?? [])
        case .length:
            switch first {
            case .array(let a): return .integer(Int64(a.count))
            case .object(let o): return .integer(Int64(o.count))
            default: return .integer(Int64(Self.text(first).unicodeScalars.count))
            }
        case .map:
            guard case .expression(let expression) = arguments[0] else { return .null }
            return .array(try (values[1].arrayValue ?? []).map { try expression.evaluate($0) })
        case .max, .min:
            let elements = first.arrayValue ?? []
            guard var best = elements.first else { return .null }
            for element in elements.dropFirst() {
                let order = JSONValue.jmesPathCompare(element, best) ?? 0
                if self == .max ? order > 0 : order < 0 { best = element }
            }
            return best
        case .max_by, .min_by:
            let keyed = try keyedElements(first.arrayValue ?? [], arguments[1])
            guard var best = keyed.first else { return .null }
            for candidate in keyed.dropFirst() {
                let order = JSONValue.jmesPathCompare(candidate.key, best.key) ?? 0
                if self == .max_by ? order > 0 : order < 0 { best = candidate }
            }
            return best.element
        case .sort:
            let elements = first.arrayValue ?? []
            return .array(
                Self.stableSorted(elements.map { (key: $0, element: $0) }).map(\.element))
        case .sort_by:
            let keyed = try keyedElements(first.arrayValue ?? [], arguments[1])
            return .array(Self.stableSorted(keyed).map(\.element))
        case .merge:
            var merged = OrderedDictionary<String, JSONValue>()
            for value in values {
                for (key, member) in value.objectValue ?? [:] { merged[key] = member }
            }
            return .object(merged)
        case .not_null:
            return values.first { if case .null = $0 { return false } else { return true } } ?? .null
        case .reverse:
            if case .array(let a) = first { return .array(a.reversed()) }
            var reversed = String.UnicodeScalarView()
            reversed.append(contentsOf: Self.text(first).unicodeScalars.reversed())
            return .string(String(reversed))
        case .sum:
            let numbers = first.arrayValue ?? []
            if numbers.allSatisfy({ if case .integer = $0 { return true } else { return false } }) {
                var total: Int64 = 0
                var overflow = false
                for case .integer(let i) in numbers where !overflow {
                    (total, overflow) = total.addingReportingOverflow(i)
                }
                if !overflow { return .integer(total) }
            }
            return .double(numbers.compactMap(\.numberValue).reduce(0, +))
        case .to_array:
            if case .array = first { return first }
            return .array([first])
        case .to_string:
            if let text = first.jmesPathString { return .string(text) }
            return .string(try JSONEncoding.encodeString(first, options: .base64Binary))
        case .to_number:
            switch first {
            case .integer, .double: return first
            case .string, .binary:
                let text = Self.text(first)
                if let i = Int64(text) { return .integer(i) }
                // Decimal notation only: Swift would also read hexadecimal floats such as "0x1p3".
                let decimal = !text.contains { $0 == "x" || $0 == "X" }
                if decimal, let d = Double(text), d.isFinite { return .double(d) }
                return .null
            default: return .null
            }
        case .type: return .string(first.jmesPathType)
        }
    }

    private static func text(_ value: JSONValue) -> String { value.jmesPathString ?? "" }

    /// Whether `needle` occurs in `text`, comparing code points (not grapheme clusters).
    private static func containsScalars(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            return true
        }
        return false
    }

    private static func rounded(_ value: JSONValue, _ rule: FloatingPointRoundingRule) -> JSONValue {
        if case .integer = value { return value }
        return JSONValue.jmesPathNumber((value.numberValue ?? 0).rounded(rule))
    }

    /// Each element with the result of `reference` on it; the results must all be numbers or
    /// all be strings.
    private func keyedElements(_ elements: [JSONValue], _ reference: JMESPathArgument) throws -> [(
        key: JSONValue, element: JSONValue
    )] {
        guard case .expression(let expression) = reference else { return [] }
        var keyed: [(key: JSONValue, element: JSONValue)] = []
        for element in elements {
            let key = try expression.evaluate(element)
            let expectedType = keyed.first?.key.jmesPathType
            guard key.jmesPathType == "number" || key.jmesPathType == "string",
                expectedType == nil || expectedType == key.jmesPathType
            else {
                let wanted =
                    expectedType.map { "a \($0) like the first element's" } ?? "a number or a string"
                throw AWSError(
                    code: "JMESPathInvalidType",
                    message:
                        "\(rawValue)() expected the expression to give \(wanted), got \(key.jmesPathType)")
            }
            keyed.append((key, element))
        }
        return keyed
    }

    /// Sorted by key, keeping the original order of equal keys.
    private static func stableSorted(_ keyed: [(key: JSONValue, element: JSONValue)]) -> [(
        key: JSONValue, element: JSONValue
    )] {
        keyed.enumerated().sorted { a, b in
            let order = JSONValue.jmesPathCompare(a.element.key, b.element.key) ?? 0
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }
}
