extension JSONValue {
    /// The value as the endpoint rules' templates and messages show it (as botocore's Python).
    var endpointText: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "True" : "False"
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .null: return "None"
        default: return (try? JSONEncoding.encodeString(self)) ?? ""
        }
    }

    /// Python's truth: nil, false, "", [] and {} are false.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        case .integer(let number): return number != 0
        case .double(let number): return number != 0
        case .binary(let bytes): return !bytes.isEmpty
        }
    }
}
