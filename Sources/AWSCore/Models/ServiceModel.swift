import OrderedCollections

/// A service's API definition, loaded from botocore's `service-2.json` format: metadata,
/// operations and shapes. Operations and shapes are decoded on first use (see
/// `OperationTable`, `ShapeTable`), so making a client of a large service costs little;
/// members point at their shapes once linked.
///
/// Paginator and waiter definitions (`paginators-1.json`, `waiters-2.json`) travel with it
/// as JSON for the paginator and waiter engines to read.
public final class ServiceModel {
    public let metadata: ServiceMetadata
    /// Operations by their API name (`CreateCrawler`), in model order.
    public let operations: OperationTable
    /// Every shape by name.
    public let shapes: ShapeTable
    /// API operation names by their boto3 method names (`create_crawler` → `CreateCrawler`),
    /// in model order.
    public let operationNamesByMethod: OrderedDictionary<String, String>
    /// `pagination` of `paginators-1.json`, by operation name.
    public var paginators: OrderedDictionary<String, JSONValue> = [:]
    /// `waiters` of `waiters-2.json`, by waiter name.
    public var waiters: OrderedDictionary<String, JSONValue> = [:]
    /// The service's endpoint rules (`endpoint-rule-set-1.json`), when it has them.
    public var endpointRules: EndpointRuleSet?

    /// `methodNames`, when given, are the operations' method names in model order, spelled
    /// in advance (an embedded model's); otherwise each is spelled here.
    init(metadata: ServiceMetadata, operations: OperationTable, shapes: ShapeTable, methodNames: [String]? = nil) {
        self.metadata = metadata
        self.operations = operations
        self.shapes = shapes
        var names: OrderedDictionary<String, String> = [:]
        names.reserveCapacity(operations.keys.count)
        if let methodNames, methodNames.count == operations.keys.count {
            for (method, name) in zip(methodNames, operations.keys) { names[method] = name }
        } else {
            for name in operations.keys { names[OperationName.pythonic(name)] = name }
        }
        self.operationNamesByMethod = names
    }

    /// Reads a model from the JSON of a `service-2.json` file. Anything the model needs and
    /// lacks is an error naming it and `source` (code `InvalidModel`): at once for the
    /// metadata, when first used for an operation or a shape.
    public convenience init(json: JSONValue, source: String = "the service model") throws {
        let (metadata, operations, shapes) = try ServiceModelDecoder(source: source).decode(json: json)
        self.init(metadata: metadata, operations: operations, shapes: shapes)
    }

    /// Reads a model from the bytes of a `service-2.json` file, decoding only its metadata now.
    public convenience init(bytes: [UInt8], source: String = "the service model") throws {
        try self.init(bytes: bytes, source: source, index: nil)
    }

    /// Reads an embedded model, whose members and method names `index` gives without scanning
    /// the text.
    convenience init(bytes: [UInt8], source: String, index: EmbeddedModelIndex?) throws {
        let (metadata, operations, shapes) = try ServiceModelDecoder(source: source).decode(
            text: bytes, index: index)
        self.init(
            metadata: metadata, operations: operations, shapes: shapes,
            methodNames: index?.methodNames(count: operations.keys.count))
    }
}
