import OrderedCollections

/// Splits a `service-2.json` into its `ServiceMetadata`, decoded at once, and the
/// `OperationTable` and `ShapeTable` that decode operations and shapes on first use.
///
/// From JSON text, only the metadata is decoded here: the operations and shapes are indexed
/// (`JSONMemberIndex`, or for an embedded model the `EmbeddedModelIndex` written beside it)
/// and each is decoded from its bytes when asked for. Text the index cannot follow is read
/// whole by `JSONDecoding`, which names the fault.
struct ServiceModelDecoder {
    /// Names the model in errors: `the embedded glue model`, a file's path.
    let source: String

    /// `index`, when given, says where the members lie without scanning for them.
    func decode(text bytes: [UInt8], index: EmbeddedModelIndex? = nil) throws
        -> (ServiceMetadata, OperationTable, ShapeTable)
    {
        let text = ModelText(bytes)
        func members(_ block: String, in range: Range<Int>?) -> OrderedDictionary<String, Range<Int>>? {
            index?.members(of: block, in: text, range: range) ?? text.members(in: range)
        }
        guard let top = members("", in: nil), let metadataRange = top["metadata"],
            let operationsRange = top["operations"], let shapesRange = top["shapes"],
            let operations = members("operations", in: operationsRange),
            let shapes = members("shapes", in: shapesRange),
            let metadataValue = try? text.decode(metadataRange)
        else {
            return try decode(json: try JSONDecoding.decode(bytes))
        }
        guard let metadata = metadataValue.objectValue else { throw invalid("it has no metadata") }
        let shapeTable = ShapeTable(ModelDefinitions(text: text, ranges: shapes), source: source)
        return (
            try decodeMetadata(metadata),
            OperationTable(ModelDefinitions(text: text, ranges: operations), shapes: shapeTable),
            shapeTable
        )
    }

    func decode(json: JSONValue) throws -> (ServiceMetadata, OperationTable, ShapeTable) {
        guard let metadataJSON = json["metadata"]?.objectValue else { throw invalid("it has no metadata") }
        let metadata = try decodeMetadata(metadataJSON)
        guard let shapesJSON = json["shapes"]?.objectValue else { throw invalid("it has no shapes") }
        let shapes = ShapeTable(ModelDefinitions(decoded: shapesJSON), source: source)
        let operations = OperationTable(
            ModelDefinitions(decoded: json["operations"]?.objectValue ?? [:]), shapes: shapes)
        return (metadata, operations, shapes)
    }

    private func decodeMetadata(_ m: OrderedDictionary<String, JSONValue>) throws -> ServiceMetadata {
        guard let endpointPrefix = m["endpointPrefix"]?.stringValue else {
            throw invalid("metadata has no endpointPrefix")
        }
        guard let protocolName = m["protocol"]?.stringValue else { throw invalid("metadata has no protocol") }
        var metadata = ServiceMetadata(
            apiVersion: m["apiVersion"]?.stringValue ?? "",
            endpointPrefix: endpointPrefix,
            protocolName: protocolName,
            jsonVersion: m["jsonVersion"]?.stringValue,
            targetPrefix: m["targetPrefix"]?.stringValue,
            serviceID: m["serviceId"]?.stringValue ?? m["serviceAbbreviation"]?.stringValue ?? endpointPrefix,
            serviceFullName: m["serviceFullName"]?.stringValue ?? endpointPrefix,
            signingName: m["signingName"]?.stringValue,
            signatureVersion: m["signatureVersion"]?.stringValue,
            globalEndpoint: m["globalEndpoint"]?.stringValue,
            xmlNamespace: m["xmlNamespace"]?.stringValue)
        metadata.protocols = (m["protocols"]?.arrayValue ?? []).compactMap(\.stringValue)
        metadata.awsQueryCompatible = m["awsQueryCompatible"] != nil
        return metadata
    }

    private func invalid(_ what: String) -> AWSError {
        AWSError(code: "InvalidModel", message: "\(source) is not usable: \(what)")
    }
}
