extension AWSClient {
    /// A presigned URL for `operationName` with `input`, valid for `expires` seconds (at most
    /// seven days): anyone holding it can make that one request without credentials.
    public func presign(_ operationName: String, _ input: JSONValue, expires: Int) throws -> String {
        let operation = try self.operation(operationName)
        let prepared = try prepareInput(operation, input, presigning: true)
        let endpoint = try endpoint(for: operation, prepared)
        let request = try unsignedRequest(operation, prepared, endpoint: endpoint, presigning: true)
        var signer = SigV4Signer(
            credentials: try credentials.credentials(), region: endpoint.signingRegion,
            service: endpoint.signingName ?? model.metadata.signingService)
        signer.regionSet = endpoint.signingRegionSet
        return try signer.presign(request, expires: expires, date: now()).request.url
    }
}
