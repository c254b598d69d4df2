import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Words for an error that `FileManager` or `Data`'s file reading and writing threw: the path
/// and the system's reason (`/home/me/.aws: Permission denied`), as full Foundation's
/// `localizedDescription` gave, which FoundationEssentials does not have.
public enum FileErrorText {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? CocoaError else { return "\(error)" }
        let reason: String
        if let underlying = error.underlying as? POSIXError {
            reason = String(cString: strerror(underlying.code.rawValue))
        } else {
            reason = "file error \(error.code.rawValue)"
        }
        return error.filePath.map { "\($0): \(reason)" } ?? reason
    }
}
