import CCurl
import CCurlShims

/// Owns one curl easy handle. Reusing it for request after request keeps its connections
/// (and TLS sessions, DNS cache) alive between calls.
final class CurlEasyHandle {
    let pointer: UnsafeMutableRawPointer

    init() throws {
        try CurlGlobal.ensureInitialized()
        guard let pointer = gs_curl_easy_init() else {
            throw AWSError(code: "ConnectionError", message: "libcurl could not be initialised")
        }
        self.pointer = pointer
    }

    deinit { gs_curl_easy_cleanup(pointer) }
}
