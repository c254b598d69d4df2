import OrderedCollections

/// The standard library of the endpoint rules, with botocore's semantics (nil is "not set").
struct EndpointFunctions {
    let partitions: Partitions

    func call(_ name: String, _ arguments: [JSONValue?]) throws -> JSONValue? {
        func argument(_ index: Int) -> JSONValue? {
            index < arguments.count ? arguments[index] : nil
        }
        switch name {
        case "isSet": return .bool(argument(0) != nil && argument(0) != .null)
        case "not": return .bool(!(argument(0)?.isTruthy ?? false))
        case "getAttr":
            guard let value = argument(0), let path = argument(1)?.stringValue else { return nil }
            return Self.attribute(of: value, path: path)
        case "stringEquals":
            guard let first = argument(0)?.stringValue, let second = argument(1)?.stringValue else {
                throw EndpointRuleEvaluator.error("Both values must be strings (stringEquals).")
            }
            return .bool(first == second)
        case "booleanEquals":
            guard case .bool(let first) = argument(0), case .bool(let second) = argument(1) else {
                throw EndpointRuleEvaluator.error("Both arguments must be bools (booleanEquals).")
            }
            return .bool(first == second)
        case "substring":
            guard let text = argument(0)?.stringValue else {
                throw EndpointRuleEvaluator.error("Input must be a string (substring).")
            }
            guard let start = argument(1)?.numberValue.map(Int.init), let stop = argument(2)?.numberValue.map(Int.init)
            else { return nil }
            return Self.substring(text, start: start, stop: stop, reverse: argument(3) == .bool(true)).map(
                JSONValue.string)
        case "uriEncode":
            guard let text = argument(0)?.stringValue else { return nil }
            return .string(PercentEncoding.encode(text))
        case "parseURL":
            guard let text = argument(0)?.stringValue else { return nil }
            return EndpointURL.parse(text)
        case "isValidHostLabel":
            guard let text = argument(0)?.stringValue else { return .bool(false) }
            return .bool(Self.isValidHostLabel(text, allowSubdomains: argument(1) == .bool(true)))
        case "aws.partition":
            return partitions.partition(for: argument(0)?.stringValue)
        case "aws.parseArn":
            guard let text = argument(0)?.stringValue else { return nil }
            return Self.parseARN(text)
        case "aws.isVirtualHostableS3Bucket":
            guard let text = argument(0)?.stringValue else { return .bool(false) }
            return .bool(Self.isVirtualHostableS3Bucket(text, allowSubdomains: argument(1) == .bool(true)))
        default:
            throw EndpointRuleEvaluator.error("the endpoint rules call an unknown function \(name)")
        }
    }

    /// `name.other[2]`: members, with an index only at the end of a part.
    static func attribute(of value: JSONValue, path: String) -> JSONValue? {
        var current = value
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            if let open = part.firstIndex(of: "["), part.last == "]",
                let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)])
            {
                let name = part[..<open]
                if !name.isEmpty {
                    guard let inner = current[String(name)] else { return nil }
                    current = inner
                }
                guard let items = current.arrayValue, index < items.count else { return nil }
                return items[index]
            }
            guard let inner = current[String(part)] else { return nil }
            current = inner
        }
        return current
    }

    /// Characters `start..<stop` (from the end when `reverse`); nil when out of range or not ASCII.
    static func substring(_ text: String, start: Int, stop: Int, reverse: Bool) -> String? {
        let bytes = Array(text.utf8)
        guard start < stop, stop <= bytes.count, start >= 0, bytes.allSatisfy({ $0 < 128 }) else { return nil }
        let range = reverse ? (bytes.count - stop)..<(bytes.count - start) : start..<stop
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// RFC 1123 labels: 1 to 63 letters, digits and dashes, not starting or ending with a dash.
    static func isValidHostLabel(_ text: String, allowSubdomains: Bool) -> Bool {
        if allowSubdomains {
            return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isValidHostLabel(String($0), allowSubdomains: false)
            }
        }
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count), bytes.first != 45, bytes.last != 45 else { return false }
        return bytes.allSatisfy { isASCIIAlphanumeric($0) || $0 == 45 }
    }

    static func isVirtualHostableS3Bucket(_ text: String, allowSubdomains: Bool) -> Bool {
        guard text.utf8.count >= 3, text.lowercased() == text, !EndpointURL.isIPv4(text) else { return false }
        return isValidHostLabel(text, allowSubdomains: allowSubdomains)
    }

    /// `arn:partition:service:region:account:resource`, the resource split on `:` and `/`.
    static func parseARN(_ text: String) -> JSONValue? {
        guard text.hasPrefix("arn:") else { return nil }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else { return nil }
        let resource = parts[5].replacingEvery(":", with: "/")
            .split(separator: "/", omittingEmptySubsequences: false).map { JSONValue.string(String($0)) }
        return .object([
            "partition": .string(parts[1]), "service": .string(parts[2]), "region": .string(parts[3]),
            "accountId": .string(parts[4]), "resourceId": .array(resource),
        ])
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
