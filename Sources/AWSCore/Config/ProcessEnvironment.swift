#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The variables of the running process, read straight from `environ`: Foundation's
/// `ProcessInfo.environment` splits each entry with a generic search, which was a tenth of
/// the instructions of a bare start.
enum ProcessEnvironment {
    /// Every variable, split at its first `=`; when a name repeats, the first wins, as `getenv` has it.
    static func variables() -> [String: String] {
        #if canImport(Glibc)
            var result: [String: String] = [:]
            var entry = environ
            while let pointer = entry.pointee {
                let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
                if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                    let name = String(decoding: bytes[..<equals], as: UTF8.self)
                    if result[name] == nil {
                        result[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                    }
                }
                entry += 1
            }
            return result
        #else
            return ProcessInfo.processInfo.environment
        #endif
    }
}
