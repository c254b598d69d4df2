import FoundationEssentials
import OrderedCollections

/// Checks an operation's input against its input shape before anything is sent, as
/// botocore's ParamValidator does, and also the upper limits of lengths and ranges.
///
/// Rules: required members are present; each value has its shape's type (an integral
/// number passes as an integer; a timestamp is an ISO 8601 string or epoch seconds; a blob
/// is a string or bytes); no parameter is unknown (with "did you mean" for near misses);
/// lengths and numbers are within `min`/`max`; a union has exactly one member set. Enum
/// values are not checked (AWS adds values), and document members take anything. A null
/// member (or input) counts as absent, and an empty object or array passes for any container (Lua
/// cannot tell `{}` apart).
///
/// All problems are gathered into one `AWSError` with code `ValidationError`:
/// `Invalid parameters for glue.CreateCrawler: Targets.S3Targets[1].Path: expected string,
/// got number; Name: missing required parameter` (list positions count from 1).
public struct InputValidator {
    public init() {}

    /// Throws a `ValidationError` naming every problem of `input` for `operation` of `service`.
    public func validate(_ input: JSONValue, for operation: OperationModel, service: String) throws {
        let found = problems(in: input, for: operation)
        guard !found.isEmpty else { return }
        throw AWSError(
            code: "ValidationError",
            message: "Invalid parameters for \(service).\(operation.name): " + found.joined(separator: "; "),
            service: service, operation: operation.name)
    }

    /// Each problem of `input`, as `path: what is wrong`, in the order found.
    public func problems(in input: JSONValue, for operation: OperationModel) -> [String] {
        var walk = ValidationWalk()
        if let shape = operation.input {
            walk.check(input == .null ? .object([:]) : input, against: shape, at: .root)
        } else if let members = input.objectValue {
            for (name, value) in members where value != .null {
                walk.report(name, "unknown parameter (the operation takes no parameters)")
            }
        } else if input != .null, input != .array([]) {
            walk.report("", "expected table of parameters, got \(ValidationWalk.describe(input))")
        }
        return walk.problems.map { ($0.path.isEmpty ? "input" : $0.path) + ": " + $0.what }
    }
}

/// One pass over an input value, collecting problems with their paths. Paths are written out
/// only for the values that have a problem (see `InputPath`).
struct ValidationWalk {
    /// Where (empty for the input itself) and what.
    var problems: [(path: String, what: String)] = []

    mutating func report(_ path: String, _ what: String) {
        problems.append((path, what))
    }

    mutating func report(_ path: InputPath, _ what: String) {
        problems.append((path.validationText, what))
    }

    mutating func check(_ value: JSONValue, against shape: Shape, at path: InputPath) {
        if shape.isDocument { return }
        switch shape.kind {
        case .structure: checkStructure(value, shape, path)
        case .list: checkList(value, shape, path)
        case .map: checkMap(value, shape, path)
        default: checkScalar(value, shape, path)
        }
    }

    private mutating func checkStructure(_ value: JSONValue, _ shape: Shape, _ path: InputPath) {
        guard let members = Self.containerMembers(value) else {
            return report(path, "expected table (structure), got \(Self.describe(value))")
        }
        for (name, member) in members where member != .null {
            guard let reference = shape.members[name] else {
                let hint = Suggestion.closest(to: name, among: shape.members.keys).map { "did you mean \($0)?" }
                report(
                    path.member(name),
                    "unknown parameter; " + (hint ?? "expected one of: " + shape.members.keys.joined(separator: ", ")))
                continue
            }
            if !reference.jsonValue { check(member, against: reference.shape, at: path.member(name)) }
        }
        if !shape.required.isEmpty {
            for name in shape.members.keys where shape.required.contains(name) && Self.isAbsent(members[name]) {
                report(path.member(name), "missing required parameter")
            }
        }
        if shape.isUnion {
            let present = members.filter { $0.value != .null && shape.members[$0.key] != nil }.map(\.key)
            if present.count != 1 {
                let options = shape.members.keys.joined(separator: ", ")
                report(
                    path,
                    "exactly one of \(options) must be set, got \(present.isEmpty ? "none" : present.joined(separator: ", "))"
                )
            }
        }
    }

    /// The members of an object, with an empty array standing for an empty object.
    private static func containerMembers(_ value: JSONValue) -> OrderedDictionary<String, JSONValue>? {
        switch value {
        case .object(let object): return object
        case .array(let array) where array.isEmpty: return [:]
        default: return nil
        }
    }

    private static func isAbsent(_ value: JSONValue?) -> Bool {
        guard let value else { return true }
        return value == .null
    }

    private mutating func checkList(_ value: JSONValue, _ shape: Shape, _ path: InputPath) {
        let elements: [JSONValue]
        if let array = value.arrayValue {
            elements = array
        } else if value == .object([:]) {
            elements = []
        } else {
            return report(path, "expected list, got \(Self.describe(value))")
        }
        checkLength(elements.count, shape, path)
        guard let element = shape.member?.shape else { return }
        for (index, item) in elements.enumerated() {
            check(item, against: element, at: path.index(index + 1))
        }
    }

    private mutating func checkMap(_ value: JSONValue, _ shape: Shape, _ path: InputPath) {
        guard let entries = Self.containerMembers(value) else {
            return report(path, "expected table (map), got \(Self.describe(value))")
        }
        checkLength(entries.count, shape, path)
        for (key, item) in entries {
            if let keyShape = shape.key?.shape {
                var keyWalk = ValidationWalk()
                keyWalk.checkScalar(.string(key), keyShape, .root)
                for problem in keyWalk.problems {
                    report(path, "key \"\(QuotedValue.shortened(key))\": " + problem.what)
                }
            }
            if let valueShape = shape.value?.shape { check(item, against: valueShape, at: path.key(key)) }
        }
    }
}
