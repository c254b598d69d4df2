/// A reference to a shape from a structure member, a list element or a map key/value,
/// with the traits that belong to the reference (where it goes on the wire, its name).
public struct ShapeMember {
    /// Where a member of an operation's input or output travels in rest protocols.
    public enum Location: String, Sendable {
        case uri, querystring, header, headers, statusCode
    }

    /// The member's name in the structure (empty for list elements and map keys/values).
    public let name: String
    /// The shape it refers to, resolved when the model was loaded.
    public unowned let shape: Shape
    public var location: Location?
    /// The name on the wire: header, query key, URI label, XML element or query key.
    public var locationName: String?
    /// The name in the query protocol, when it differs (EC2 style).
    public var queryName: String?
    public var flattened = false
    public var xmlAttribute = false
    public var xmlNamespace: XMLNamespace?
    public var timestampFormat: String?
    public var idempotencyToken = false
    /// A string holding JSON, sent base64-encoded in headers (`jsonvalue: true`).
    public var jsonValue = false
    public var hostLabel = false
    /// The endpoint rule parameter this member sets (`contextParam`), e.g. `Bucket`.
    public var contextParam: String?
    /// The API's documentation of the member (its first sentence in the embedded models).
    public var documentation: String?
    public var isStreaming: Bool { shape.streaming }

    init(name: String, shape: Shape) {
        self.name = name
        self.shape = shape
    }

    /// The name used on the wire: `locationName` when given, else the member name.
    public var wireName: String { locationName ?? name }
}
