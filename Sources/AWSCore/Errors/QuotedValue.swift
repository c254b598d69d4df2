/// How error messages quote a value the user gave (a key, a URL, a name, a line of text):
/// whole when it is short, otherwise its first `limit` characters and how long it was, so a
/// 100 MB key never makes a 100 MB message.
public enum QuotedValue {
    /// The most characters of one value a message shows.
    public static let limit = 200

    /// `text` itself when it has at most `limit` characters; otherwise its first `limit`
    /// characters, `...` and its length in bytes: `aaaa... (104857600 bytes in all)`.
    public static func shortened<Text: StringProtocol>(_ text: Text, limit: Int = limit) -> String {
        let bytes = text.utf8.count
        if bytes <= limit { return String(text) }
        let start = text.prefix(limit)
        if start.utf8.count == bytes { return String(text) }
        return "\(start)... (\(bytes) bytes in all)"
    }
}
