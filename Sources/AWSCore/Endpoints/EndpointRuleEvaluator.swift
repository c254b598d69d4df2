import OrderedCollections

/// Evaluates endpoint rules as botocore does: rules in order, each with its own copy of the
/// scope; a condition fails when its function gives nil or false; `assign` names a result.
struct EndpointRuleEvaluator {
    let partitions: Partitions

    static func error(_ message: String) -> AWSError {
        AWSError(code: "EndpointError", message: message)
    }

    /// The first endpoint a rule gives, nil when none matches; an error rule that matches throws.
    func evaluate(_ rules: [JSONValue], scope: [String: JSONValue]) throws -> ResolvedEndpoint? {
        for rule in rules {
            if let endpoint = try evaluateRule(rule, scope: scope) { return endpoint }
        }
        return nil
    }

    private func evaluateRule(_ rule: JSONValue, scope initial: [String: JSONValue]) throws -> ResolvedEndpoint? {
        var scope = initial
        for condition in rule["conditions"]?.arrayValue ?? [] {
            let result = try call(condition, scope: &scope)
            if result == nil || result == .bool(false) { return nil }
        }
        switch rule["type"]?.stringValue {
        case "endpoint":
            guard let endpoint = rule["endpoint"] else { throw Self.error("an endpoint rule has no endpoint") }
            return try resolvedEndpoint(endpoint, scope: &scope)
        case "error":
            let message = try value(rule["error"] ?? .null, scope: &scope)
            throw Self.error(message?.endpointText ?? "the endpoint rules refused the parameters")
        case "tree":
            return try evaluate(rule["rules"]?.arrayValue ?? [], scope: scope)
        default:
            throw Self.error(
                "Unknown rule type: \(rule["type"]?.endpointText ?? "none"). A rule must be of type tree, endpoint or error."
            )
        }
    }

    private func resolvedEndpoint(_ endpoint: JSONValue, scope: inout [String: JSONValue]) throws -> ResolvedEndpoint {
        guard let url = try value(endpoint["url"] ?? .null, scope: &scope)?.stringValue else {
            throw Self.error("an endpoint rule gave no URL")
        }
        var properties: OrderedDictionary<String, JSONValue> = [:]
        for (key, property) in endpoint["properties"]?.objectValue ?? [:] {
            properties[key] = try resolveProperty(property, scope: scope)
        }
        var headers: OrderedDictionary<String, [String]> = [:]
        for (name, values) in endpoint["headers"]?.objectValue ?? [:] {
            headers[name] = try (values.arrayValue ?? []).map { try value($0, scope: &scope)?.endpointText ?? "" }
        }
        return ResolvedEndpoint(url: url, properties: properties, headers: headers)
    }

    /// Properties are data: only their template strings are filled in.
    private func resolveProperty(_ property: JSONValue, scope: [String: JSONValue]) throws -> JSONValue {
        switch property {
        case .array(let items): return .array(try items.map { try resolveProperty($0, scope: scope) })
        case .object(let members): return .object(try members.mapValues { try resolveProperty($0, scope: scope) })
        case .string(let text) where EndpointTemplate.isTemplate(text):
            return .string(try EndpointTemplate.fill(text, scope: scope))
        default: return property
        }
    }

    /// A function call, a reference, a template string, or a literal.
    func value(_ argument: JSONValue, scope: inout [String: JSONValue]) throws -> JSONValue? {
        if argument["fn"] != nil { return try call(argument, scope: &scope) }
        if let name = argument["ref"]?.stringValue { return scope[name] }
        if case .string(let text) = argument, EndpointTemplate.isTemplate(text) {
            return .string(try EndpointTemplate.fill(text, scope: scope))
        }
        return argument
    }

    private func call(_ function: JSONValue, scope: inout [String: JSONValue]) throws -> JSONValue? {
        guard let name = function["fn"]?.stringValue else { throw Self.error("a condition names no function") }
        var arguments: [JSONValue?] = []
        for argument in function["argv"]?.arrayValue ?? [] {
            arguments.append(try value(argument, scope: &scope))
        }
        let result = try EndpointFunctions(partitions: partitions).call(name, arguments)
        if let assign = function["assign"]?.stringValue {
            if scope[assign] != nil {
                throw Self.error(
                    "Assignment \(assign) already exists in scoped variables and cannot be overwritten")
            }
            scope[assign] = result
        }
        return result
    }
}
