import OrderedCollections

extension Paginator {
    /// Reads the remaining pages into one result, as boto3's `build_full_result()` does: each
    /// result key's lists are concatenated (numbers added, strings joined), the non-aggregate
    /// keys come from the first page, and `NextToken` holds the resume token when `maxItems`
    /// stopped the walk.
    public func collect() throws -> JSONValue {
        var result = JSONValue.object([:])
        while let page = try nextPage() { try add(page, to: &result) }
        return collected(result)
    }

    /// Adds one page's result keys to `result` (lists joined, numbers added, strings joined).
    public func add(_ page: JSONValue, to result: inout JSONValue) throws {
        for key in definition.resultKeys {
            let value = try key.search(page)
            guard value != .null, let members = JSONValue.dottedPathMembers(key.source) else { continue }
            let existing = try key.search(result)
            switch (existing, value) {
            case (.null, _): result.set(value, atMembers: members[...])
            case (.array(let a), .array(let b)): result.set(.array(a + b), atMembers: members[...])
            case (.integer(let a), .integer(let b)):
                result.set(.integer(a &+ b), atMembers: members[...])
            case (.string(let a), .string(let b)): result.set(.string(a + b), atMembers: members[...])
            default:
                if let a = existing.numberValue, let b = value.numberValue {
                    result.set(.double(a + b), atMembers: members[...])
                }
            }
        }
    }

    /// The result keys `add` joins, as their member names (`["Contents"]`); keys that are not
    /// dotted member paths are left out, as `add` leaves them out.
    public var resultKeyPaths: [[String]] {
        definition.resultKeys.compactMap { JSONValue.dottedPathMembers($0.source) }
    }

    /// `result` completed once every page is in: the non-aggregate keys of the first page, and
    /// `NextToken` when `maxItems` stopped the walk.
    public func collected(_ result: JSONValue) -> JSONValue {
        var result = result
        result.deepMerge(nonAggregatePart)
        if let token = nextToken, var object = result.objectValue {
            object["NextToken"] = .string(token)
            result = .object(object)
        }
        return result
    }
}
