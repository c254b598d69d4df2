extension Redaction {
    /// `text` with the password of a URL's user info (`https://user:password@host/`) replaced by
    /// `<redacted>`, for messages and logs that quote a URL. Anything that is not such a URL is
    /// returned as it is.
    static func url(_ text: String) -> String {
        guard let schemeEnd = text.firstRange(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"),
            let colon = authority[..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<authority.index(after: colon)]) + placeholder + String(text[at...])
    }
}
