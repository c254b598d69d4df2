import OrderedCollections

/// The bodies of the built-in functions; arguments have already been checked against the
/// signatures in `JMESPathFunction.parameters`.
extension JMESPathEvaluator {
    @inlinable func apply(_ function: JMESPathFunction, _ arguments: [JMESPathArgument<Value>]) throws -> Value {
        let values = arguments.map { argument -> Value in
            if case .value(let value) = argument { return value }
            return document.null
        }
        let first = values[0]
        let content = try document.content(of: first)
        switch function {
        case .abs:
            if case .integer(let i) = content, i != .min { return document.make(.integer(Swift.abs(i))) }
            return document.make(.double(Swift.abs(content.number ?? 0)))
        case .avg:
            let numbers = try elementContents(first).compactMap(\.number)
            guard !numbers.isEmpty else { return document.null }
            return document.make(.double(numbers.reduce(0, +) / Double(numbers.count)))
        case .ceil: return document.make(Self.rounded(content, .up))
        case .floor: return document.make(Self.rounded(content, .down))
        case .contains:
            if case .string(let text) = content {
                guard case .string(let needle) = try document.content(of: values[1]) else {
                    return document.make(.bool(false))
                }
                return document.make(.bool(Self.containsScalars(text, needle)))
            }
            for element in try document.elements(of: first) ?? [] where try equals(element, values[1]) {
                return document.make(.bool(true))
            }
            return document.make(.bool(false))
        case .starts_with:
            let prefix = try text(values[1])
            return document.make(.bool((content.string ?? "").unicodeScalars.starts(with: prefix.unicodeScalars)))
        case .ends_with:
            let suffix = try text(values[1])
            return document.make(
                .bool((content.string ?? "").unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())))
        case .join:
            let parts = try elementContents(values[1]).map { $0.string ?? "" }
            return document.make(.string(parts.joined(separator: content.string ?? "")))
        case .keys:
            return document.makeArray((try document.members(of: first) ?? []).map { document.make(.string($0.key)) })
        case .values: return document.makeArray((try document.members(of: first) ?? []).map(\.value))
        case .length:
            switch content {
            case .array, .object: return document.make(.integer(Int64(try document.count(of: first))))
            default: return document.make(.integer(Int64((content.string ?? "").unicodeScalars.count)))
            }
        case .map:
            guard case .expression(let expression) = arguments[0] else { return document.null }
            return document.makeArray(try (document.elements(of: values[1]) ?? []).map { try evaluate(expression, $0) })
        case .max, .min:
            let keyed = try (document.elements(of: first) ?? []).map {
                (key: try document.content(of: $0), element: $0)
            }
            return best(keyed, highest: function == .max)
        case .max_by, .min_by:
            let keyed = try keyedElements(function, try document.elements(of: first) ?? [], arguments[1])
            return best(keyed, highest: function == .max_by)
        case .sort:
            let keyed = try (document.elements(of: first) ?? []).map {
                (key: try document.content(of: $0), element: $0)
            }
            return document.makeArray(Self.stableSorted(keyed).map(\.element))
        case .sort_by:
            let keyed = try keyedElements(function, try document.elements(of: first) ?? [], arguments[1])
            return document.makeArray(Self.stableSorted(keyed).map(\.element))
        case .merge:
            var merged = OrderedDictionary<String, Value>()
            for value in values {
                for (key, member) in try document.members(of: value) ?? [] { merged[key] = member }
            }
            return document.makeObject(merged)
        case .not_null:
            for value in values where !(try document.isNull(value)) { return value }
            return document.null
        case .reverse:
            if let elements = try document.elements(of: first) { return document.makeArray(elements.reversed()) }
            var reversed = String.UnicodeScalarView()
            reversed.append(contentsOf: (content.string ?? "").unicodeScalars.reversed())
            return document.make(.string(String(reversed)))
        case .sum:
            let numbers = try elementContents(first)
            if numbers.allSatisfy({ if case .integer = $0 { return true } else { return false } }) {
                var total: Int64 = 0
                var overflow = false
                for case .integer(let i) in numbers where !overflow {
                    (total, overflow) = total.addingReportingOverflow(i)
                }
                if !overflow { return document.make(.integer(total)) }
            }
            return document.make(.double(numbers.compactMap(\.number).reduce(0, +)))
        case .to_array:
            if content == .array { return first }
            return document.makeArray([first])
        case .to_string:
            if case .string(let text) = content { return document.make(.string(text)) }
            return document.make(
                .string(try JSONEncoding.encodeString(try document.json(of: first), options: .base64Binary)))
        case .to_number:
            switch content {
            case .integer, .double: return first
            case .string(let text):
                if let i = Int64(text) { return document.make(.integer(i)) }
                // Decimal notation only: Swift would also read hexadecimal floats such as "0x1p3".
                let decimal = !text.contains { $0 == "x" || $0 == "X" }
                if decimal, let d = Double(text), d.isFinite { return document.make(.double(d)) }
                return document.null
            default: return document.null
            }
        case .type: return document.make(.string(content.typeName))
        }
    }

    @inlinable func text(_ value: Value) throws -> String { try document.content(of: value).string ?? "" }

    @inlinable func elementContents(_ value: Value) throws -> [JMESPathContent] {
        try (document.elements(of: value) ?? []).map { try document.content(of: $0) }
    }

    /// The element with the highest (or lowest) key, the first of equals; null when none.
    @inlinable func best(_ keyed: [(key: JMESPathContent, element: Value)], highest: Bool) -> Value {
        guard var best = keyed.first else { return document.null }
        for candidate in keyed.dropFirst() {
            let order = JMESPathContent.compare(candidate.key, best.key) ?? 0
            if highest ? order > 0 : order < 0 { best = candidate }
        }
        return best.element
    }

    /// Whether `needle` occurs in `text`, comparing code points (not grapheme clusters).
    @inlinable static func containsScalars(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            return true
        }
        return false
    }

    /// A number rounded: an integer when it is integral and fits, else a double.
    @inlinable static func rounded(_ content: JMESPathContent, _ rule: FloatingPointRoundingRule) -> JSONValue {
        if case .integer(let i) = content { return .integer(i) }
        let d = (content.number ?? 0).rounded(rule)
        if d.rounded() == d, let i = Int64(exactly: d) { return .integer(i) }
        return .double(d)
    }

    /// Each element with the result of `reference` on it; the results must all be numbers or
    /// all be strings.
    @inlinable func keyedElements(
        _ function: JMESPathFunction, _ elements: [Value], _ reference: JMESPathArgument<Value>
    ) throws -> [(key: JMESPathContent, element: Value)] {
        guard case .expression(let expression) = reference else { return [] }
        var keyed: [(key: JMESPathContent, element: Value)] = []
        for element in elements {
            let key = try document.content(of: try evaluate(expression, element))
            let expectedType = keyed.first?.key.typeName
            guard key.typeName == "number" || key.typeName == "string",
                expectedType == nil || expectedType == key.typeName
            else {
                let wanted = expectedType.map { "a \($0) like the first element's" } ?? "a number or a string"
                throw AWSError(
                    code: "JMESPathInvalidType",
                    message:
                        "\(function.rawValue)() expected the expression to give \(wanted), got \(key.typeName)")
            }
            keyed.append((key, element))
        }
        return keyed
    }

    /// Sorted by key, keeping the original order of equal keys.
    @inlinable static func stableSorted(_ keyed: [(key: JMESPathContent, element: Value)]) -> [(
        key: JMESPathContent, element: Value
    )] {
        keyed.enumerated().sorted { a, b in
            let order = JMESPathContent.compare(a.element.key, b.element.key) ?? 0
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }
}
