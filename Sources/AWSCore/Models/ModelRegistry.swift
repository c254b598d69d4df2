import FoundationEssentials

/// The service models compiled into gluescript (IAM, S3, Glue, STS, CloudWatch Logs), and any
/// other service found where botocore looks for it (`searchPath`), each decoded on first use and
/// kept for the registry's lifetime, with its paginators and waiters attached.
///
/// One registry per host: nothing is shared between registries.
public final class ModelRegistry {
    private var cache: [String: ServiceModel] = [:]
    private let lock = Lock()
    /// Where services that are not built in are looked for; nil: built-in services only.
    public let searchPath: ModelSearchPath?

    public init(searchPath: ModelSearchPath? = nil) {
        self.searchPath = searchPath
    }

    /// The services whose models are embedded, as boto3.client names them (`glue`, `s3`).
    public var knownServices: [String] { EmbeddedModels.serviceNames }

    /// The services decoded so far, sorted.
    public var loadedServices: [String] {
        lock.lock()
        defer { lock.unlock() }
        return cache.keys.sorted()
    }

    /// The model of an embedded service, decoded the first time it is asked for.
    ///
    /// An unknown name is an `AWSError` with code `UnknownService` listing the built-in ones,
    /// suggesting the closest and saying where else it looked.
    public func model(for service: String) throws -> ServiceModel {
        lock.lock()
        defer { lock.unlock() }
        if let model = cache[service] { return model }
        guard let bytes = EmbeddedModels.bytes(service: service, kind: .service) else {
            if let file = searchPath?.serviceModelFile(for: service) {
                let model = try ServiceModel.load(path: file)
                cache[service] = model
                return model
            }
            let known = knownServices
            let searched =
                searchPath.map {
                    "; looked for \(service)/<api-version>/service-2.json(.gz) in \($0.searchedDescription)"
                } ?? ""
            throw AWSError(
                code: "UnknownService",
                message: "no model for service \(service)\(Suggestion.phrase(for: service, among: known)) "
                    + "(built-in services: \(known.joined(separator: ", "))\(searched); "
                    + "or give a botocore service-2.json as model)",
                service: service)
        }
        let model = try ServiceModel(
            bytes: bytes, source: "the embedded \(service) model", index: EmbeddedModelIndex(service: service))
        if let paginators = EmbeddedModels.bytes(service: service, kind: .paginators) {
            try model.attachPaginators(
                try JSONDecoding.decode(paginators), source: "the embedded \(service) paginators")
        }
        if let waiters = EmbeddedModels.bytes(service: service, kind: .waiters) {
            try model.attachWaiters(try JSONDecoding.decode(waiters), source: "the embedded \(service) waiters")
        }
        if let rules = EmbeddedModels.bytes(service: service, kind: .endpoints) {
            model.endpointRules = try EndpointRuleSet(
                json: try JSONDecoding.decode(rules), source: "the embedded \(service) endpoint rules")
        }
        cache[service] = model
        return model
    }
}
