import OrderedCollections

/// A service's endpoint rules (`endpoint-rule-set-1.json`): the parameters they take and the
/// rules that turn them into an endpoint, evaluated as botocore's `EndpointProvider` does.
public struct EndpointRuleSet {
    /// One parameter of the rules (`Region`, `UseFIPS`, `Bucket`).
    public struct Parameter {
        public var name: String
        /// `string`, `boolean` or `stringArray`.
        public var type: String
        /// The SDK setting that fills it (`AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`).
        public var builtIn: String?
        public var required: Bool
        public var defaultValue: JSONValue?
    }

    public let parameters: OrderedDictionary<String, Parameter>
    /// The parameters the rules look at (S3's never look at `Key`): only these can change
    /// the endpoint.
    public let referencedParameters: Set<String>
    let rules: [JSONValue]

    /// Reads a rule set document; `source` names it in errors (code `InvalidModel`).
    public init(json: JSONValue, source: String) throws {
        guard let parameters = json["parameters"]?.objectValue, let rules = json["rules"]?.arrayValue else {
            throw AWSError(
                code: "InvalidModel", message: "\(source) is not an endpoint rule set: it needs parameters and rules")
        }
        var decoded: OrderedDictionary<String, Parameter> = [:]
        for (name, spec) in parameters {
            guard let type = spec["type"]?.stringValue,
                ["string", "boolean", "stringarray"].contains(type.lowercased())
            else {
                throw AWSError(code: "InvalidModel", message: "\(source): parameter \(name) has no known type")
            }
            decoded[name] = Parameter(
                name: name, type: type, builtIn: spec["builtIn"]?.stringValue,
                required: spec["required"] == .bool(true), defaultValue: spec["default"])
        }
        self.parameters = decoded
        self.rules = rules
        var referenced: Set<String> = []
        Self.collectReferences(.array(rules), into: &referenced)
        self.referencedParameters = referenced.intersection(decoded.keys)
    }

    /// Every `{"ref": name}` and `{name}` / `{name#member}` template in `value`.
    private static func collectReferences(_ value: JSONValue, into names: inout Set<String>) {
        switch value {
        case .object(let members):
            if let name = members["ref"]?.stringValue { names.insert(name) }
            for member in members.values { collectReferences(member, into: &names) }
        case .array(let items):
            for item in items { collectReferences(item, into: &names) }
        case .string(let text):
            // Over the UTF-8 bytes: the braces and `#` are ASCII, so their positions are
            // character boundaries, and most strings have no brace at all.
            let utf8 = text.utf8
            var rest = utf8[...]
            while let open = rest.firstIndex(of: UInt8(ascii: "{")) {
                rest = rest[utf8.index(after: open)...]
                let end = rest.firstIndex { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
                names.insert(String(text[rest.startIndex..<end]))
            }
        default:
            break
        }
    }

    /// The endpoint the rules give for `input` (parameters named as the rules name them).
    ///
    /// A parameter of the wrong type, a missing required one, an error rule that matches, or
    /// no rule matching at all is an `AWSError` with code `EndpointError` and the rules' message.
    public func resolve(_ input: [String: JSONValue], partitions: Partitions = .embedded) throws
        -> ResolvedEndpoint
    {
        var scope: [String: JSONValue] = [:]
        for name in input.keys where parameters[name] == nil {
            throw EndpointRuleEvaluator.error(
                "unknown endpoint parameter \(name) (known: \(parameters.keys.joined(separator: ", ")))")
        }
        for (name, parameter) in parameters {
            guard let value = input[name], value != .null else {
                if let value = parameter.defaultValue {
                    scope[name] = value
                } else if parameter.required {
                    throw EndpointRuleEvaluator.error("Cannot find value for required parameter \(name)")
                }
                continue
            }
            try parameter.check(value)
            scope[name] = value
        }
        let evaluator = EndpointRuleEvaluator(partitions: partitions)
        if let endpoint = try evaluator.evaluate(rules, scope: scope) { return endpoint }
        let listed = input.keys.sorted().map { "\($0): \(input[$0]!.endpointText)" }
        throw EndpointRuleEvaluator.error("No endpoint found for parameters: \(listed.joined(separator: ", "))")
    }
}

extension EndpointRuleSet.Parameter {
    func check(_ value: JSONValue) throws {
        let matches: Bool
        switch (type.lowercased(), value) {
        case ("string", .string), ("boolean", .bool), ("stringarray", .array): matches = true
        default: matches = false
        }
        if !matches {
            throw EndpointRuleEvaluator.error("Value (\(name)) is the wrong type. Must be \(type).")
        }
    }
}
