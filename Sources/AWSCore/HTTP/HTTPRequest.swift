/// An HTTP request as the AWS core builds, signs and sends it.
public struct HTTPRequest: Sendable {
    /// Where the body comes from: nothing, bytes in memory, or a file streamed from an offset.
    public enum Body: Sendable {
        case none
        case bytes([UInt8])
        case file(path: String, offset: UInt64, length: UInt64)
    }

    public var method: String
    public var url: String
    /// Header names as given; order is kept. Names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Body = .none) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringCase(name) }?.value
    }

    /// Replaces every header called `name` by one with `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.equalsIgnoringCase(name) }
        headers.append((name, value))
    }
}
