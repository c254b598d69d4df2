/// Calls of the built-in functions: arguments checked against the signatures in
/// `JMESPathFunction.parameters`, then applied (`JMESPathEvaluator+Apply.swift`).
extension JMESPathEvaluator {
    /// Checks the arguments' types and applies `function`.
    @inlinable func call(_ function: JMESPathFunction, _ arguments: [JMESPathArgument<Value>]) throws -> Value {
        try function.checkArity(arguments.count)
        for (offset, argument) in arguments.enumerated() {
            let accepted = function.parameters[Swift.min(offset, function.parameters.count - 1)]
            guard try matches(argument, accepted) else {
                throw try invalidType(
                    function, argument: offset, expected: JMESPathFunction.describe(accepted), got: argument)
            }
        }
        return try apply(function, arguments)
    }

    @inlinable func matches(_ argument: JMESPathArgument<Value>, _ accepted: JMESPathFunction.ParameterType) throws
        -> Bool
    {
        guard case .value(let value) = argument else { return accepted.contains(.expression) }
        if accepted.contains(.any) { return true }
        switch try document.content(of: value) {
        case .integer, .double: return accepted.contains(.number)
        case .string: return accepted.contains(.string)
        case .object: return accepted.contains(.object)
        case .array:
            if accepted.contains(.array) { return true }
            let contents = try (document.elements(of: value) ?? []).map { try document.content(of: $0) }
            if accepted.contains(.arrayOfNumbers), contents.allSatisfy({ $0.number != nil }) { return true }
            if accepted.contains(.arrayOfStrings), contents.allSatisfy({ $0.string != nil }) { return true }
            return false
        case .null, .boolean: return false
        }
    }

    @inlinable func invalidType(
        _ function: JMESPathFunction, argument offset: Int, expected: String, got argument: JMESPathArgument<Value>
    ) throws -> AWSError {
        let got: String
        switch argument {
        case .value(let value): got = try document.content(of: value).typeName
        case .expression: got = "an expression reference"
        }
        return AWSError(
            code: "JMESPathInvalidType",
            message: "\(function.rawValue)() expected argument \(offset + 1) to be \(expected), got \(got)")
    }
}
