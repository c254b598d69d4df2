/// How much to fetch and where to start: boto3's `PaginationConfig`.
public struct PaginationOptions: Sendable {
    /// The most items (of the first result key) to return over all pages; the last page is
    /// cut short and a resume token is produced.
    public var maxItems: Int?
    /// Items per page, sent as the paginator's limit key.
    public var pageSize: Int?
    /// Send `pageSize` as a string: for operations whose limit key is a string (Route 53).
    public var pageSizeAsString: Bool
    /// A token from an earlier run's `nextToken` (or boto3's `NextToken`), to resume there.
    public var startingToken: String?

    public init(
        maxItems: Int? = nil, pageSize: Int? = nil, pageSizeAsString: Bool = false, startingToken: String? = nil
    ) {
        self.maxItems = maxItems
        self.pageSize = pageSize
        self.pageSizeAsString = pageSizeAsString
        self.startingToken = startingToken
    }
}
