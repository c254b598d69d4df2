import OrderedCollections

/// Turns the JSON of a `service-2.json` into `ServiceMetadata`, `OperationModel`s and
/// linked `Shape`s.
struct ServiceModelDecoder {
    let json: JSONValue

    init(_ json: JSONValue) {
        self.json = json
    }

    func decode() throws -> (ServiceMetadata, OrderedDictionary<String, OperationModel>, [String: Shape]) {
        guard let metadataJSON = json["metadata"]?.objectValue else { throw invalid("it has no metadata") }
        let metadata = try decodeMetadata(metadataJSON)
        guard let shapesJSON = json["shapes"]?.objectValue else { throw invalid("it has no shapes") }

        var shapes: [String: Shape] = [:]
        for (name, definition) in shapesJSON {
            guard let kindName = definition["type"]?.stringValue, let kind = Shape.Kind(rawValue: kindName) else {
                throw invalid("shape \(name) has an unknown type \(definition["type"]?.stringValue ?? "(none)")")
            }
            shapes[name] = Shape(name: name, kind: kind)
        }
        for (name, definition) in shapesJSON {
            try fill(shapes[name]!, from: definition, shapes: shapes)
        }

        var operations: OrderedDictionary<String, OperationModel> = [:]
        for (name, definition) in json["operations"]?.objectValue ?? [:] {
            operations[name] = try decodeOperation(name, definition, shapes: shapes)
        }
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

    private func fill(_ shape: Shape, from d: JSONValue, shapes: [String: Shape]) throws {
        for (memberName, reference) in d["members"]?.objectValue ?? [:] {
            shape.members[memberName] = try member(memberName, reference, in: shape.name, shapes: shapes)
        }
        shape.required = Set((d["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        shape.payload = d["payload"]?.stringValue
        if let reference = d["member"] { shape.member = try member("", reference, in: shape.name, shapes: shapes) }
        if let reference = d["key"] { shape.key = try member("", reference, in: shape.name, shapes: shapes) }
        if let reference = d["value"] { shape.value = try member("", reference, in: shape.name, shapes: shapes) }
        shape.flattened = d["flattened"] == .bool(true)
        shape.enumValues = (d["enum"]?.arrayValue ?? []).compactMap(\.stringValue)
        shape.min = d["min"]?.numberValue
        shape.max = d["max"]?.numberValue
        shape.pattern = d["pattern"]?.stringValue
        shape.timestampFormat = d["timestampFormat"]?.stringValue
        shape.streaming = d["streaming"] == .bool(true) || d["eventstream"] == .bool(true)
        shape.isException = d["exception"] == .bool(true)
        shape.errorCode = d["error"]?["code"]?.stringValue
        shape.errorStatus = d["error"]?["httpStatusCode"]?.numberValue.flatMap { Int(exactly: $0) }
        shape.locationName = d["locationName"]?.stringValue
        shape.xmlNamespace = namespace(d["xmlNamespace"])
        shape.isDocument = d["document"] == .bool(true)
        shape.isUnion = d["union"] == .bool(true)
        shape.isSensitive = d["sensitive"] == .bool(true)
    }

    private func member(_ name: String, _ r: JSONValue, in owner: String, shapes: [String: Shape]) throws
        -> ShapeMember
    {
        guard let shapeName = r["shape"]?.stringValue, let target = shapes[shapeName] else {
            throw invalid(
                "shape \(owner) member \(name) refers to an unknown shape \(r["shape"]?.stringValue ?? "(none)")")
        }
        var m = ShapeMember(name: name, shape: target)
        if let location = r["location"]?.stringValue {
            guard let parsed = ShapeMember.Location(rawValue: location) else {
                throw invalid("shape \(owner) member \(name) has an unknown location \(location)")
            }
            m.location = parsed
        }
        m.locationName = r["locationName"]?.stringValue
        m.queryName = r["queryName"]?.stringValue
        m.flattened = r["flattened"] == .bool(true)
        m.xmlAttribute = r["xmlAttribute"] == .bool(true)
        m.xmlNamespace = namespace(r["xmlNamespace"])
        m.timestampFormat = r["timestampFormat"]?.stringValue
        m.idempotencyToken = r["idempotencyToken"] == .bool(true)
        m.jsonValue = r["jsonvalue"] == .bool(true)
        m.hostLabel = r["hostLabel"] == .bool(true)
        m.contextParam = r["contextParam"]?["name"]?.stringValue
        m.documentation = r["documentation"]?.stringValue
        return m
    }

    private func namespace(_ value: JSONValue?) -> XMLNamespace? {
        guard let value else { return nil }
        if let uri = value.stringValue { return XMLNamespace(uri: uri) }
        guard let uri = value["uri"]?.stringValue else { return nil }
        return XMLNamespace(uri: uri, prefix: value["prefix"]?.stringValue)
    }

    private func decodeOperation(_ name: String, _ d: JSONValue, shapes: [String: Shape]) throws -> OperationModel {
        func shape(_ reference: JSONValue?) throws -> Shape? {
            guard let reference else { return nil }
            guard let shapeName = reference["shape"]?.stringValue, let s = shapes[shapeName] else {
                throw invalid("operation \(name) refers to an unknown shape")
            }
            return s
        }
        var operation = OperationModel(
            name: name,
            httpMethod: d["http"]?["method"]?.stringValue ?? "POST",
            requestURI: d["http"]?["requestUri"]?.stringValue ?? "/")
        operation.responseCode = d["http"]?["responseCode"]?.numberValue.flatMap { Int(exactly: $0) }
        operation.input = try shape(d["input"])
        operation.inputLocationName = d["input"]?["locationName"]?.stringValue
        operation.inputXMLNamespace = namespace(d["input"]?["xmlNamespace"])
        operation.output = try shape(d["output"])
        operation.resultWrapper = d["output"]?["resultWrapper"]?.stringValue
        operation.errors = try (d["errors"]?.arrayValue ?? []).compactMap { try shape($0) }
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

    private func invalid(_ what: String) -> AWSError {
        AWSError(code: "InvalidModel", message: "the service model is not usable: \(what)")
    }
}
