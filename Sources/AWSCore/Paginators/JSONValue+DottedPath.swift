/// Setting a value at a dotted member path (`DistributionList.Items`), as botocore's
/// `set_value_from_jmespath` does for result keys: missing objects on the way are created.
extension JSONValue {
    /// The members of `path` when it is a plain dotted path of identifiers, otherwise nil.
    static func dottedPathMembers(_ path: String) -> [String]? {
        let members = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = members.allSatisfy { member in
            guard let first = member.unicodeScalars.first, !(("0"..."9").contains(first)) else { return false }
            return member.unicodeScalars.allSatisfy {
                $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            }
        }
        return valid ? members : nil
    }

    /// Sets `value` at the dotted `members`; a non-object on the way is replaced by an object.
    mutating func set(_ value: JSONValue, atMembers members: ArraySlice<String>) {
        guard let first = members.first else {
            self = value
            return
        }
        var object = objectValue ?? [:]
        var child = object[first] ?? .object([:])
        child.set(value, atMembers: members.dropFirst())
        object[first] = child
        self = .object(object)
    }

    /// Merges `other` into this object: objects merge member by member, anything else replaces.
    mutating func deepMerge(_ other: JSONValue) {
        guard var object = objectValue, let incoming = other.objectValue else {
            self = other
            return
        }
        for (key, value) in incoming {
            if var existing = object[key], existing.objectValue != nil, value.objectValue != nil {
                existing.deepMerge(value)
                object[key] = existing
            } else {
                object[key] = value
            }
        }
        self = .object(object)
    }
}
