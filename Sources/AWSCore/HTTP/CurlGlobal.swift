import CCurl
import CCurlShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcurl, opened the first time a client sends (so a script that never calls AWS does not
/// load it, nor the ~30 shared libraries it brings), and its process-wide set-up, done once:
/// `curl_global_init` is not thread-safe, and a Swift `static let` is initialised exactly once
/// even when first touched from several threads.
///
/// `GLUESCRIPT_LIBCURL` names another library file to open instead of `libcurl.so.4`.
enum CurlGlobal {
    private static let setUp: AWSError? = {
        if gs_curl_load(getenv("GLUESCRIPT_LIBCURL")) != 0 {
            return AWSError(
                code: "LibraryUnavailable",
                message: "cannot load libcurl (\(String(cString: gs_curl_library_name()))), which gluescript "
                    + "needs to send requests: \(String(cString: gs_curl_load_error())); "
                    + "install libcurl4 (Debian, Ubuntu) or libcurl (Fedora, Alpine)")
        }
        guard gs_curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK else {
            return AWSError(code: "ConnectionError", message: "libcurl could not be initialised")
        }
        return nil
    }()

    /// Loads and sets up libcurl if that has not been done yet; the error says why it failed.
    static func ensureInitialized() throws {
        if let setUp { throw setUp }
    }
}
