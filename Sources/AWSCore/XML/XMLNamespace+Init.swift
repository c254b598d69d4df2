extension XMLNamespace {
    /// A namespace to declare on an element written by `XMLWriter`: `xmlns="uri"`, or
    /// `xmlns:prefix="uri"` when a prefix is given.
    public init(uri: String, prefix: String? = nil) {
        self.init(prefix: prefix, uri: uri)
    }
}
