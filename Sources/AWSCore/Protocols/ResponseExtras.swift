import OrderedCollections

/// What a call adds to an output besides the answer itself: `ResponseMetadata` as boto3 has
/// it (`RequestId`, `HTTPStatusCode`, `RetryAttempts`), and the payload member left out when
/// the body went to a file.
public struct ResponseExtras: Sendable {
    /// Attempts made (1 for a first success): gives `HTTPStatusCode` and `RetryAttempts`.
    public var attempts: Int?
    /// The member to leave out (the payload written to a file).
    public var omitting: String?
    /// Nothing reads the body after this: a large one's memory may be given back as it is
    /// read (`ConsumedBodyPages`), leaving zeros behind.
    public var releasesBody: Bool

    public init(attempts: Int? = nil, omitting: String? = nil, releasesBody: Bool = false) {
        self.attempts = attempts
        self.omitting = omitting
        self.releasesBody = releasesBody
    }

    /// `output` with these extras: its `RequestId` kept, or taken from the headers.
    func applied(to output: JSONValue, _ response: HTTPResponse) -> JSONValue {
        guard case .object(var members) = output else { return output }
        if let omitting { members[omitting] = nil }
        members["ResponseMetadata"] = responseMetadata(members["ResponseMetadata"]?.objectValue, response).map {
            .object($0)
        }
        return .object(members)
    }

    /// The `ResponseMetadata` of an output whose own is `metadata`: with `attempts`, its
    /// `RequestId` kept or taken from the headers, then `HTTPStatusCode` and `RetryAttempts`.
    private func responseMetadata(
        _ metadata: OrderedDictionary<String, JSONValue>?, _ response: HTTPResponse
    ) -> OrderedDictionary<String, JSONValue>? {
        guard let attempts else { return metadata }
        var metadata = metadata ?? [:]
        if metadata["RequestId"] == nil, let id = ResponseExtras.requestID(response) {
            metadata["RequestId"] = .string(id)
        }
        metadata["HTTPStatusCode"] = .integer(Int64(response.status))
        metadata["RetryAttempts"] = .integer(Int64(attempts - 1))
        return metadata
    }

    /// Feeds the extras after the members a one-pass reader fed whose own `ResponseMetadata`
    /// is `metadata` (the XML protocols'): the omitted member, then `ResponseMetadata` last.
    func feed<B: ResultBuilder>(
        _ response: HTTPResponse, shape: Shape?, metadata: OrderedDictionary<String, JSONValue>?,
        into builder: inout B
    ) throws {
        if let omitting {
            try builder.key(omitting, modelOrder: shape?.members.index(forKey: omitting) ?? Int.max)
            try builder.absent()
        }
        guard let metadata = responseMetadata(metadata, response) else { return }
        try builder.key("ResponseMetadata", modelOrder: Int.max)
        try builder.value(.object(metadata))
    }

    /// Feeds the extras after the members a one-pass reader fed (whose only `RequestId` is
    /// the header's): the omitted member, then `ResponseMetadata` last.
    func feed<B: ResultBuilder>(_ response: HTTPResponse, shape: Shape?, into builder: inout B) throws {
        if let omitting {
            try builder.key(omitting, modelOrder: shape?.members.index(forKey: omitting) ?? Int.max)
            try builder.absent()
        }
        let requestID = ResponseExtras.requestID(response)
        guard requestID != nil || attempts != nil else { return }
        try builder.key("ResponseMetadata", modelOrder: Int.max)
        try builder.beginObject()
        if let requestID {
            try builder.key("RequestId", modelOrder: 0)
            try builder.string(requestID)
        }
        if let attempts {
            try builder.key("HTTPStatusCode", modelOrder: 1)
            try builder.integer(Int64(response.status))
            try builder.key("RetryAttempts", modelOrder: 2)
            try builder.integer(Int64(attempts - 1))
        }
        try builder.endObject()
    }

    static func requestID(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
    }
}
