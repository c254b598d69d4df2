import OrderedCollections

/// A service's API definition, loaded from botocore's `service-2.json` format: metadata,
/// operations and shapes, all resolved so that members point at their shapes.
///
/// Paginator and waiter definitions (`paginators-1.json`, `waiters-2.json`) travel with it
/// as JSON for the paginator and waiter engines to read.
public final class ServiceModel {
    public let metadata: ServiceMetadata
    /// Operations by their API name (`CreateCrawler`), in model order.
    public let operations: OrderedDictionary<String, OperationModel>
    /// Every shape by name.
    public let shapes: [String: Shape]
    /// API operation names by their boto3 method names (`create_crawler` → `CreateCrawler`),
    /// in model order.
    public let operationNamesByMethod: OrderedDictionary<String, String>
    /// `pagination` of `paginators-1.json`, by operation name.
    public var paginators: OrderedDictionary<String, JSONValue> = [:]
    /// `waiters` of `waiters-2.json`, by waiter name.
    public var waiters: OrderedDictionary<String, JSONValue> = [:]
    /// The service's endpoint rules (`endpoint-rule-set-1.json`), when it has them.
    public var endpointRules: EndpointRuleSet?

    init(metadata: ServiceMetadata, operations: OrderedDictionary<String, OperationModel>, shapes: [String: Shape]) {
        self.metadata = metadata
        self.operations = operations
        self.shapes = shapes
        var names: OrderedDictionary<String, String> = [:]
        for name in operations.keys { names[OperationName.pythonic(name)] = name }
        self.operationNamesByMethod = names
    }

    /// Reads a model from the JSON of a `service-2.json` file. Anything the model needs and
    /// lacks is an error naming it (code `InvalidModel`).
    public convenience init(json: JSONValue) throws {
        try self.init(decoding: ServiceModelDecoder(json))
    }

    /// Reads a model from the bytes of a `service-2.json` file.
    public convenience init(bytes: [UInt8]) throws {
        try self.init(json: try JSONDecoding.decode(bytes))
    }

    private convenience init(decoding decoder: ServiceModelDecoder) throws {
        let (metadata, operations, shapes) = try decoder.decode()
        self.init(metadata: metadata, operations: operations, shapes: shapes)
    }
}
