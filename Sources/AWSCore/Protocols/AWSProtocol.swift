/// One AWS wire protocol (query, rest-xml, json, rest-json): turns an operation's input into
/// an HTTP request and a response into the operation's output or its error.
///
/// Input and output are `JSONValue`s shaped like the operation's input and output shapes,
/// with the API's own member names. In input, timestamps may be ISO 8601 strings or epoch
/// numbers and blobs `.string` or `.binary`; in output, timestamps are `.string` in
/// `Timestamp.iso8601` form (milliseconds only when
/// the value has them) and blobs are `.binary`.
public protocol AWSProtocol {
    /// The unsigned request for `operation`, sent to `endpoint` (scheme, host, port and an
    /// optional base path). Input has been validated against the model already.
    func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest

    /// The error in `response`, or nil when it is a success. Besides 4xx/5xx answers this
    /// catches successes that carry an error (S3's `200` with an `<Error>` body).
    func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError?

    /// The operation's output read from a successful `response`.
    func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue

    /// The same output fed to `builder` as the members of an object the caller has begun,
    /// with `extras` applied. Protocols that read their answers in one pass (json,
    /// rest-json) build nothing else; the others build the output and feed it.
    func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws
}

extension AWSProtocol {
    public func readResponse<B: ResultBuilder>(
        _ response: HTTPResponse, for operation: OperationModel, extras: ResponseExtras, into builder: inout B
    ) throws {
        let output = extras.applied(to: try parseResponse(response, for: operation), response)
        try builder.members(output.objectValue ?? [:])
    }

    /// `parseResponse` for a protocol that reads in one pass: its `readResponse` into a
    /// `JSONValue`.
    func parsedByReading(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        var builder = JSONValueBuilder()
        builder.beginObject()
        try readResponse(response, for: operation, extras: ResponseExtras(), into: &builder)
        builder.endObject()
        return builder.result ?? .object([:])
    }
}
