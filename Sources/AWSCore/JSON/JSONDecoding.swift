/// Reads JSON text (RFC 8259, strictly) into a `JSONValue`.
///
/// - Numbers without a fraction or exponent that fit in an `Int64` become `.integer`; every
///   other number becomes `.double`.
/// - Objects keep their keys in document order; when a key repeats, the last value wins (at the
///   position of the first).
/// - `\uXXXX` escapes are decoded, surrogate pairs included. A lone surrogate is an error, as
///   is text that is not valid UTF-8: a value read here can always be written back unchanged.
/// - Nesting deeper than `maximumDepth` arrays and objects is an error rather than a stack
///   overflow.
///
/// Errors are `AWSError` with code `JSONDecodeError` and a message naming what was expected
/// and where: `expected ',' or '}' after an object member at line 3, column 7 (byte 41)`.
public enum JSONDecoding {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Decodes one JSON value from UTF-8 bytes; whitespace may surround it, nothing else.
    public static func decode(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }

    /// Decodes one JSON value from a string.
    public static func decode(_ text: String) throws -> JSONValue {
        try decode(Array(text.utf8))
    }
}
