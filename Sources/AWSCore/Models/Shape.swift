import OrderedCollections
import Synchronization

/// One shape of a service model: a structure, list, map or scalar, with the traits the
/// protocols and validation need. Shapes refer to each other by name through the model.
public final class Shape {
    /// The kinds of shape in botocore's `service-2.json`.
    public enum Kind: String, Sendable {
        case structure, list, map, string, integer, long, float, double, boolean, blob, timestamp
    }

    public let name: String
    public let kind: Kind
    /// Members of a structure, in model order.
    public internal(set) var members: OrderedDictionary<String, ShapeMember> = [:]
    public internal(set) var required: Set<String> = []
    /// The member sent as the whole body (rest protocols).
    public internal(set) var payload: String?
    /// The element of a list.
    public internal(set) var member: ShapeMember?
    /// Key and value of a map.
    public internal(set) var key: ShapeMember?
    public internal(set) var value: ShapeMember?
    /// A list or map written without a wrapper element (XML, query).
    public internal(set) var flattened = false
    public internal(set) var enumValues: [String] = []
    /// Length (strings, lists, maps, blobs) or value (numbers) limits.
    public internal(set) var min: Double?
    public internal(set) var max: Double?
    public internal(set) var pattern: String?
    /// `iso8601`, `unixTimestamp` or `rfc822`, when the shape fixes it.
    public internal(set) var timestampFormat: String?
    /// A blob or string body read and written as a stream.
    public internal(set) var streaming = false
    /// An error shape: its code and HTTP status when the model gives them.
    public internal(set) var isException = false
    public internal(set) var errorCode: String?
    public internal(set) var errorStatus: Int?
    /// XML element name and namespace of the shape itself.
    public internal(set) var locationName: String?
    public internal(set) var xmlNamespace: XMLNamespace?
    /// A free-form JSON document (`document: true`).
    public internal(set) var isDocument = false
    public internal(set) var isUnion = false
    public internal(set) var isSensitive = false
    /// Members by wire name, for readers of answers (made on first use).
    let wireIndex = Mutex<ShapeWireIndex?>(nil)

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// An XML namespace: `xmlns` or `xmlns:prefix` with its URI.
public struct XMLNamespace: Sendable, Equatable {
    public var prefix: String?
    public var uri: String

    /// `xmlns="uri"`, or `xmlns:prefix="uri"` when a prefix is given.
    public init(uri: String, prefix: String? = nil) {
        self.uri = uri
        self.prefix = prefix
    }
}

extension XMLNamespace {
    /// A model's `xmlNamespace`: a URI, or `{"uri": ..., "prefix": ...}`; nil for anything else.
    init?(modelValue value: JSONValue?) {
        guard let value else { return nil }
        if let uri = value.stringValue {
            self.init(uri: uri)
        } else if let uri = value["uri"]?.stringValue {
            self.init(uri: uri, prefix: value["prefix"]?.stringValue)
        } else {
            return nil
        }
    }
}
