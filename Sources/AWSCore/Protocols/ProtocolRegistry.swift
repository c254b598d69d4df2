/// Picks the wire protocol a service model speaks.
enum ProtocolRegistry {
    static func make(for model: ServiceModel) throws -> AWSProtocol {
        let metadata = model.metadata
        switch metadata.protocolName {
        case "json": return JSONProtocol(metadata: metadata)
        case "rest-json": return RESTJSONProtocol(metadata: metadata)
        case "query": return QueryProtocol(metadata: metadata)
        case "rest-xml": return RESTXMLProtocol(metadata: metadata)
        default:
            throw AWSError(
                code: "UnsupportedProtocol",
                message: "\(metadata.serviceID) speaks the \(metadata.protocolName) protocol, which gluescript does not"
            )
        }
    }
}
