/// What the endpoint of an operation whose input sets no endpoint rule parameter depends on,
/// besides the client's settings: the operation and the region (see
/// `AWSClient.inputFreeEndpoints`).
struct InputFreeEndpointKey: Hashable {
    let operation: String
    let region: String
}
