import OrderedCollections

/// The operations of a service model by their API names (`CreateCrawler`), in model order,
/// each decoded (and its shapes linked) the first time it is asked for.
///
/// `named(_:)` says why a definition is unusable (`InvalidModel`, naming the model, the
/// operation and the shape); the subscript, for exploring, gives nil then.
public final class OperationTable {
    private let definitions: ModelDefinitions
    private let shapes: ShapeTable
    private var decoded: [String: OperationModel] = [:]

    init(_ definitions: ModelDefinitions, shapes: ShapeTable) {
        self.definitions = definitions
        self.shapes = shapes
    }

    /// The API names, in model order.
    public var keys: OrderedSet<String> { definitions.names }

    public var count: Int { definitions.names.count }

    /// The operation called `name`; nil when the model has none of that name.
    public func named(_ name: String) throws -> OperationModel? {
        if let operation = decoded[name] { return operation }
        guard let definition = try definitions.definition(name, what: "\(shapes.source): operation \(name)") else {
            return nil
        }
        let operation = try decode(name, definition)
        decoded[name] = operation
        return operation
    }

    /// The operation called `name`; nil when there is none or its definition is unusable.
    public subscript(name: String) -> OperationModel? {
        try? named(name)
    }

    /// Every operation, in model order; the first unusable one is an error.
    public func all() throws -> [OperationModel] {
        try keys.compactMap { try named($0) }
    }

    private func decode(_ name: String, _ d: JSONValue) throws -> OperationModel {
        func shape(_ reference: JSONValue?, _ role: String) throws -> Shape? {
            guard let reference else { return nil }
            return try shapes.target(of: reference, "operation \(name) \(role)")
        }
        var operation = OperationModel(
            name: name,
            httpMethod: d["http"]?["method"]?.stringValue ?? "POST",
            requestURI: d["http"]?["requestUri"]?.stringValue ?? "/")
        operation.responseCode = d["http"]?["responseCode"]?.numberValue.flatMap { Int(exactly: $0) }
        operation.input = try shape(d["input"], "input")
        operation.inputLocationName = d["input"]?["locationName"]?.stringValue
        operation.inputXMLNamespace = XMLNamespace(modelValue: d["input"]?["xmlNamespace"])
        operation.output = try shape(d["output"], "output")
        operation.resultWrapper = d["output"]?["resultWrapper"]?.stringValue
        operation.errors = try (d["errors"]?.arrayValue ?? []).compactMap { try shape($0, "error") }
        operation.checksumRequired =
            d["httpChecksumRequired"] == .bool(true) || d["httpChecksum"]?["requestChecksumRequired"] == .bool(true)
        operation.checksumAlgorithmMember = d["httpChecksum"]?["requestAlgorithmMember"]?.stringValue
        operation.checksumValidationMember = d["httpChecksum"]?["requestValidationModeMember"]?.stringValue
        operation.responseChecksumAlgorithms =
            d["httpChecksum"]?["responseAlgorithms"]?.arrayValue?.compactMap(\.stringValue) ?? []
        operation.authType = d["authtype"]?.stringValue
        operation.hostPrefix = d["endpoint"]?["hostPrefix"]?.stringValue
        operation.deprecated = d["deprecated"] == .bool(true)
        for (parameter, setting) in d["staticContextParams"]?.objectValue ?? [:] {
            if let value = setting["value"] { operation.staticContextParams[parameter] = value }
        }
        operation.documentation = d["documentation"]?.stringValue
        return operation
    }
}
