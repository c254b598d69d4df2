extension HTTPRequest {
    /// `METHOD url` as error messages name a request, a password in the URL redacted and a long URL shortened (see `QuotedValue`).
    var summary: String { "\(method) \(QuotedValue.shortened(Redaction.url(url)))" }
}
