/// A function argument once evaluated: a value, or an unevaluated `&expression`.
@usableFromInline
enum JMESPathArgument<Value> {
    case value(Value)
    case expression(JMESPathNode)
}

/// The built-in functions of the JMESPath specification, with their signatures.
@usableFromInline
enum JMESPathFunction: String, Sendable {
    case abs, avg, ceil, contains, ends_with, floor, join, keys, length, map, max, max_by, merge
    case min, min_by, not_null, reverse, sort, sort_by, starts_with, sum, to_array, to_string
    case to_number, type, values

    /// What one parameter accepts: any of the listed kinds.
    @usableFromInline
    struct ParameterType: OptionSet, Sendable {
        @usableFromInline let rawValue: Int
        @usableFromInline init(rawValue: Int) { self.rawValue = rawValue }
        @usableFromInline static let any = ParameterType(rawValue: 1 << 0)
        @usableFromInline static let number = ParameterType(rawValue: 1 << 1)
        @usableFromInline static let string = ParameterType(rawValue: 1 << 2)
        @usableFromInline static let array = ParameterType(rawValue: 1 << 3)
        @usableFromInline static let object = ParameterType(rawValue: 1 << 4)
        @usableFromInline static let expression = ParameterType(rawValue: 1 << 5)
        @usableFromInline static let arrayOfNumbers = ParameterType(rawValue: 1 << 6)
        @usableFromInline static let arrayOfStrings = ParameterType(rawValue: 1 << 7)
    }

    /// The parameters in order; when `isVariadic`, the last one may repeat (at least once).
    @usableFromInline var parameters: [ParameterType] {
        switch self {
        case .abs, .ceil, .floor: return [.number]
        case .avg, .sum: return [.arrayOfNumbers]
        case .contains: return [[.array, .string], .any]
        case .ends_with, .starts_with: return [.string, .string]
        case .join: return [.string, .arrayOfStrings]
        case .keys, .values: return [.object]
        case .length: return [[.string, .array, .object]]
        case .map: return [.expression, .array]
        case .max, .min, .sort: return [[.arrayOfNumbers, .arrayOfStrings]]
        case .max_by, .min_by, .sort_by: return [.array, .expression]
        case .merge: return [.object]
        case .not_null: return [.any]
        case .reverse: return [[.array, .string]]
        case .to_array, .to_string, .to_number, .type: return [.any]
        }
    }

    @usableFromInline var isVariadic: Bool { self == .merge || self == .not_null }

    /// Throws `JMESPathInvalidArity` unless `count` arguments suit the function.
    @usableFromInline func checkArity(_ count: Int) throws {
        let expected = parameters.count
        if isVariadic ? count >= expected : count == expected { return }
        let wanted = isVariadic ? "at least \(expected)" : "\(expected)"
        throw AWSError(
            code: "JMESPathInvalidArity",
            message: "\(rawValue)() takes \(wanted) argument\(expected == 1 ? "" : "s"), got \(count)")
    }

    /// What `accepted` takes, as errors name it.
    @usableFromInline static func describe(_ accepted: ParameterType) -> String {
        let names: [(ParameterType, String)] = [
            (.any, "any value"), (.number, "a number"), (.string, "a string"), (.array, "an array"),
            (.object, "an object"), (.expression, "an expression reference (&...)"),
            (.arrayOfNumbers, "an array of numbers"), (.arrayOfStrings, "an array of strings"),
        ]
        return names.filter { accepted.contains($0.0) }.map(\.1).joined(separator: " or ")
    }
}
