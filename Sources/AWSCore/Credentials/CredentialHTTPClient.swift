/// The little HTTP the container and instance metadata providers need: one request, one
/// response, a time-out in seconds. A transport error (refused, timed out) is thrown.
public protocol CredentialHTTPClient: Sendable {
    func send(_ request: HTTPRequest, timeout: Double) throws -> HTTPResponse
}
