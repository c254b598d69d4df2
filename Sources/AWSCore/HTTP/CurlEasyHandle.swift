import CCurl

/// Owns one curl easy handle. Reusing it for request after request keeps its connections
/// (and TLS sessions, DNS cache) alive between calls.
final class CurlEasyHandle {
    let pointer: UnsafeMutableRawPointer

    init() throws {
        guard CurlGlobal.ensureInitialized(), let pointer = curl_easy_init() else {
            throw AWSError(code: "ConnectionError", message: "libcurl could not be initialised")
        }
        self.pointer = pointer
    }

    deinit { curl_easy_cleanup(pointer) }
}
