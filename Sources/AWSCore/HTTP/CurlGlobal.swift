import CCurl

/// libcurl's process-wide set-up, done once: `curl_global_init` is not thread-safe, and a
/// Swift `static let` is initialised exactly once even when first touched from several threads.
enum CurlGlobal {
    private static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Runs `curl_global_init` if it has not run yet; returns whether it succeeded.
    @discardableResult
    static func ensureInitialized() -> Bool {
        initResult == CURLE_OK
    }
}
