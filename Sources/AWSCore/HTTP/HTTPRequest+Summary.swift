extension HTTPRequest {
    /// `METHOD url` as error messages name a request, a long URL shortened (see `QuotedValue`).
    var summary: String { "\(method) \(QuotedValue.shortened(url))" }
}
