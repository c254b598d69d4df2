/// Picks the wire protocol a service model speaks.
enum ProtocolRegistry {
    /// The protocols gluescript speaks, in the order botocore prefers them when a model lists
    /// several (`metadata.protocols`).
    static let spoken = ["json", "rest-json", "rest-xml", "smithy-rpc-v2-cbor", "query", "ec2"]

    /// The protocol to speak: the first of `spoken` that a model's `protocols` lists, else its `protocol`.
    static func chosenName(for metadata: ServiceMetadata) -> String {
        guard !metadata.protocols.isEmpty else { return metadata.protocolName }
        return spoken.first(where: metadata.protocols.contains) ?? metadata.protocols[0]
    }

    static func make(for model: ServiceModel) throws -> AWSProtocol {
        var metadata = model.metadata
        metadata.protocolName = chosenName(for: metadata)
        switch metadata.protocolName {
        case "json": return JSONProtocol(metadata: metadata)
        case "rest-json": return RESTJSONProtocol(metadata: metadata)
        case "query": return QueryProtocol(metadata: metadata)
        case "ec2": return QueryProtocol(metadata: metadata, ec2: true)
        case "rest-xml": return RESTXMLProtocol(metadata: metadata)
        case "smithy-rpc-v2-cbor": return RPCv2CBORProtocol(metadata: metadata)
        default:
            throw AWSError(
                code: "UnsupportedProtocol",
                message: "\(metadata.serviceID) speaks the \(metadata.protocolName) protocol, which gluescript does not"
            )
        }
    }
}
