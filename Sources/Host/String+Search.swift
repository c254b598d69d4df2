extension String {
    /// The start of the last occurrence of `needle`, compared byte by byte.
    func lastIndex(of needle: String) -> String.Index? {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var start = haystack.count - pattern.count
        while start >= 0 {
            if haystack[start..<start + pattern.count].elementsEqual(pattern) {
                return utf8.index(utf8.startIndex, offsetBy: start)
            }
            start -= 1
        }
        return nil
    }
}
