extension AWSClient {
    /// A presigned URL for `operationName` with `input`, valid for `expires` seconds (at most
    /// seven days): anyone holding it can make that one request without credentials.
    public func presign(_ operationName: String, _ input: JSONValue, expires: Int) throws -> String {
        let operation = try self.operation(operationName)
        let request = try unsignedRequest(
            operation, try prepareInput(operation, input, presigning: true), endpoint: endpoint, presigning: true)
        let signer = SigV4Signer(
            credentials: try credentials.credentials(), region: endpoint.signingRegion,
            service: model.metadata.signingService)
        return try signer.presign(request, expires: expires, date: now()).request.url
    }
}
