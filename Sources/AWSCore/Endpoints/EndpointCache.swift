import FoundationEssentials

/// The last endpoints a client's rules gave, by the region and the parameters the rules look
/// at, so that calls with the same parameters (the same bucket, region and settings) do not
/// evaluate the rules, nor parse the URL they give, again.
/// Bounded, as botocore's own cache is; safe to use from several threads.
final class EndpointCache {
    /// What an endpoint depends on: the region it is signed for and the rules' parameters.
    struct Key: Hashable {
        let region: String
        let parameters: [String: JSONValue]
    }

    private let capacity: Int
    private var entries: [Key: ServiceEndpoint] = [:]
    private let lock = Lock()

    init(capacity: Int = 100) {
        self.capacity = capacity
    }

    /// The cached endpoint for `key`, or `resolve`'s answer, remembered. Errors are not
    /// remembered.
    func value(for key: Key, resolve: () throws -> ServiceEndpoint) throws -> ServiceEndpoint {
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
