import OrderedCollections

/// What the endpoint rules give: the URL, properties (such as `authSchemes`) and headers.
public struct ResolvedEndpoint: Equatable {
    public var url: String
    public var properties: OrderedDictionary<String, JSONValue>
    public var headers: OrderedDictionary<String, [String]>

    public init(
        url: String, properties: OrderedDictionary<String, JSONValue> = [:],
        headers: OrderedDictionary<String, [String]> = [:]
    ) {
        self.url = url
        self.properties = properties
        self.headers = headers
    }
}
