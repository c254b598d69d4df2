extension XMLReader {
    /// The bytes as a `String`, or nil when they are not valid UTF-8. ASCII, what AWS
    /// answers almost always hold, skips the standard library's generic validation.
    static func utf8String(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    static func utf8String(_ bytes: [UInt8]) -> String? {
        utf8String(bytes[...])
    }
}
