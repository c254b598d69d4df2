/// Writes a `JSONValue` as JSON text (UTF-8).
///
/// Compact by default. Strings escape `"`, `\` and control characters and pass every other
/// character through as UTF-8. Doubles are written in the shortest form that reads back to
/// the same value (`1.5`, `2.0`, `1e+100`); NaN and infinities have no JSON form and are an
/// error. `.binary` is an error unless `.base64Binary` is given, because each AWS protocol
/// decides how to send blobs.
///
/// Errors are `AWSError` with code `JSONEncodeError` and a message naming the value's path.
public enum JSONEncoding {
    /// How the text is laid out and what `.binary` becomes.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Newlines and 2-space indentation, `": "` between a key and its value.
        public static let prettyPrinted = Options(rawValue: 1 << 0)
        /// Object keys in Unicode code point order instead of their stored order.
        public static let sortedKeys = Options(rawValue: 1 << 1)
        /// `.binary` values written as base64 strings instead of being an error.
        public static let base64Binary = Options(rawValue: 1 << 2)
    }

    /// The value as UTF-8 JSON text.
    public static func encode(_ value: JSONValue, options: Options = []) throws -> [UInt8] {
        var writer = JSONWriter(options: options)
        try writer.write(value)
        return writer.output
    }

    /// The value as JSON text.
    public static func encodeString(_ value: JSONValue, options: Options = []) throws -> String {
        String(decoding: try encode(value, options: options), as: UTF8.self)
    }
}
