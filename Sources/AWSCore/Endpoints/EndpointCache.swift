import FoundationEssentials

/// The last endpoints a client's rules gave, by their parameters, so that calls with the same
/// parameters (the same bucket, region and settings) do not evaluate the rules again.
/// Bounded, as botocore's own cache is; safe to use from the threads of parallel transfers.
final class EndpointCache {
    private let capacity: Int
    private var entries: [String: ResolvedEndpoint] = [:]
    private let lock = Lock()

    init(capacity: Int = 100) {
        self.capacity = capacity
    }

    /// The cached endpoint for `parameters` (those the rules look at), or `resolve`'s answer,
    /// remembered. Errors are not remembered.
    func value(for parameters: [String: JSONValue], resolve: () throws -> ResolvedEndpoint) throws
        -> ResolvedEndpoint
    {
        let key = parameters.keys.sorted().map { "\($0)=\(parameters[$0]!.cacheText)" }.joined(separator: "\u{0}")
        lock.lock()
        if let known = entries[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let resolved = try resolve()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = resolved
        lock.unlock()
        return resolved
    }
}

extension JSONValue {
    /// The value with its type, so that `"true"` and `true` are different keys.
    fileprivate var cacheText: String {
        switch self {
        case .string(let text): return "s:" + text
        case .bool(let flag): return flag ? "b:1" : "b:0"
        default: return "j:" + endpointText
        }
    }
}
