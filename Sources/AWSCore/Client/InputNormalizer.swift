import OrderedCollections

/// Makes script input fit the model before validation, where Lua cannot say what it means:
/// an empty table given for a list is an empty list (and for a map or structure an empty
/// object); a table given where a policy document string is expected is encoded as JSON.
enum InputNormalizer {
    static func normalize(_ value: JSONValue, shape: Shape) -> JSONValue {
        switch (shape.kind, value) {
        case (.structure, .object(let members)):
            var out = OrderedDictionary<String, JSONValue>()
            for (name, member) in members {
                if let memberShape = shape.members[name] {
                    out[name] = normalize(member, shape: memberShape.shape)
                } else {
                    out[name] = member
                }
            }
            return .object(out)
        case (.structure, .array(let elements)) where elements.isEmpty:
            return .object([:])
        case (.list, .object(let members)) where members.isEmpty:
            return .array([])
        case (.list, .array(let elements)):
            guard let element = shape.member?.shape else { return value }
            return .array(elements.map { normalize($0, shape: element) })
        case (.map, .array(let elements)) where elements.isEmpty:
            return .object([:])
        case (.map, .object(let members)):
            guard let valueShape = shape.value?.shape else { return value }
            return .object(members.mapValues { normalize($0, shape: valueShape) })
        case (.string, .object), (.string, .array):
            guard isPolicyDocument(shape), let text = try? JSONEncoding.encodeString(value) else { return value }
            return .string(text)
        default:
            return value
        }
    }

    /// IAM's `policyDocumentType`, S3's `Policy`, and other string shapes named for policies.
    static func isPolicyDocument(_ shape: Shape) -> Bool {
        shape.name == "policyDocumentType" || shape.name.hasSuffix("Policy") || shape.name.hasSuffix("PolicyDocument")
            || shape.name == "PolicyJsonString"
    }
}
