/// An error from an AWS call or from the client before the call was sent.
///
/// `code` is the service's error code (`EntityAlreadyExists`, `NoSuchBucket`) or one of the
/// client's own (`ValidationError`, `NoRegion`, `NoCredentials`, `ConnectionError`, ...).
public struct AWSError: Error, CustomStringConvertible, Sendable {
    public var code: String
    public var message: String
    /// HTTP status of the response, when there was one.
    public var status: Int?
    public var requestID: String?
    public var service: String?
    public var operation: String?
    /// Whether the error is of a kind that a retry might cure (throttling, transient).
    public var retryable: Bool
    /// How many attempts were made in all, the first included.
    public var attempts: Int
    /// Modeled error fields and other details, as returned by the service.
    public var fields: [String: JSONValue]

    public init(
        code: String, message: String, status: Int? = nil, requestID: String? = nil,
        service: String? = nil, operation: String? = nil, retryable: Bool = false,
        attempts: Int = 1, fields: [String: JSONValue] = [:]
    ) {
        self.code = code
        self.message = message
        self.status = status
        self.requestID = requestID
        self.service = service
        self.operation = operation
        self.retryable = retryable
        self.attempts = attempts
        self.fields = fields
    }

    public var description: String {
        var text = code
        if let operation { text += " (\(service.map { "\($0)." } ?? "")\(operation))" }
        text += ": " + message
        if let status { text += " [HTTP \(status)]" }
        return text
    }
}
