/// An HTTP response: status, headers and the body read into memory (or written to a file).
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names as received, in the case the server sent them; order is kept.
    public var headers: [(name: String, value: String)]
    /// The body, unless it was streamed to a file.
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringCase(name) }?.value
    }
}
