/// The successful answer to a scheduled call, not yet read: `CallScheduler` hands it over as
/// it came, and the caller reads it where the result is wanted (straight into Lua tables on
/// the script's thread), with the reader a plain `call` uses.
public struct CallAnswer {
    let client: AWSClient
    let operation: OperationModel
    let response: HTTPResponse
    /// Attempts the call took (1 for a first success).
    let attempts: Int

    /// Feeds the output to `builder`, as the members of an object the caller has begun, with
    /// `ResponseMetadata`: what `AWSClient.call(_:_:options:into:)` feeds for the same answer.
    /// An answer that does not read throws its error with the service, operation and attempts.
    public func read<B: ResultBuilder>(into builder: inout B) throws {
        do {
            try client.wireProtocol.readResponse(
                response, for: operation, extras: ResponseExtras(attempts: attempts), into: &builder)
        } catch {
            var failure = error as? AWSError ?? AWSError(code: "ParseError", message: "\(error)")
            failure.service = client.serviceName
            failure.operation = operation.name
            failure.attempts = attempts
            throw failure
        }
    }

    /// The output as a `JSONValue`, as `AWSClient.call` returns it.
    public func output() throws -> JSONValue {
        var builder = JSONValueBuilder()
        builder.beginObject()
        try read(into: &builder)
        builder.endObject()
        return builder.result ?? .object([:])
    }
}
