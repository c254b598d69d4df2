import OrderedCollections

/// Makes script input fit the model before validation, where Lua cannot say what it means:
/// an empty table given for a list is an empty list (and for a map or structure an empty
/// object); a table given where a policy document string is expected is encoded as JSON.
enum InputNormalizer {
    static func normalize(_ value: JSONValue, shape: Shape) -> JSONValue {
        normalized(value, shape: shape) ?? value
    }

    /// `value` made to fit, or nil when it fits already (most input does, and is not copied).
    private static func normalized(_ value: JSONValue, shape: Shape) -> JSONValue? {
        switch (shape.kind, value) {
        case (.structure, .object(let members)):
            var out: OrderedDictionary<String, JSONValue>?
            for (index, (name, member)) in members.enumerated() {
                guard let memberShape = shape.members[name], let changed = normalized(member, shape: memberShape.shape)
                else { continue }
                if out == nil { out = members }
                out?.values[index] = changed
            }
            return out.map { .object($0) }
        case (.structure, .array(let elements)) where elements.isEmpty:
            return .object([:])
        case (.list, .object(let members)) where members.isEmpty:
            return .array([])
        case (.list, .array(let elements)):
            guard let element = shape.member?.shape else { return nil }
            var out: [JSONValue]?
            for (index, item) in elements.enumerated() {
                guard let changed = normalized(item, shape: element) else { continue }
                if out == nil { out = elements }
                out?[index] = changed
            }
            return out.map { .array($0) }
        case (.map, .array(let elements)) where elements.isEmpty:
            return .object([:])
        case (.map, .object(let members)):
            guard let valueShape = shape.value?.shape else { return nil }
            var out: OrderedDictionary<String, JSONValue>?
            for (index, item) in members.values.enumerated() {
                guard let changed = normalized(item, shape: valueShape) else { continue }
                if out == nil { out = members }
                out?.values[index] = changed
            }
            return out.map { .object($0) }
        case (.string, .object), (.string, .array):
            guard isPolicyDocument(shape), let text = try? JSONEncoding.encodeString(value) else { return nil }
            return .string(text)
        default:
            return nil
        }
    }

    /// IAM's `policyDocumentType`, S3's `Policy`, and other string shapes named for policies.
    static func isPolicyDocument(_ shape: Shape) -> Bool {
        shape.name == "policyDocumentType" || shape.name.hasSuffix("Policy") || shape.name.hasSuffix("PolicyDocument")
            || shape.name == "PolicyJsonString"
    }
}
