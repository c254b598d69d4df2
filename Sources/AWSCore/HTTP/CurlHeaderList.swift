import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request's header lines as curl takes them (`CURLOPT_HTTPHEADER`), made in one block of
/// memory of our own: the `curl_slist` nodes and their NUL-terminated lines side by side, so
/// a request costs one allocation instead of one `curl_slist_append` (a node and a copy of
/// the line) per header. Curl only reads the list; it must outlive the transfer.
final class CurlHeaderList {
    /// The first node, or nil when there are no lines.
    let head: UnsafeMutablePointer<curl_slist>?
    private let block: UnsafeMutableRawPointer?

    /// `text` holds `lineCount` lines one after another, each ending in a NUL byte.
    init(text: [UInt8], lineCount: Int) {
        guard lineCount > 0 else {
            head = nil
            block = nil
            return
        }
        let nodesSize = lineCount * MemoryLayout<curl_slist>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: nodesSize + text.count, alignment: MemoryLayout<curl_slist>.alignment)
        text.withUnsafeBytes { (block + nodesSize).copyMemory(from: $0.baseAddress!, byteCount: text.count) }
        let nodes = block.bindMemory(to: curl_slist.self, capacity: lineCount)
        var line = (block + nodesSize).bindMemory(to: CChar.self, capacity: text.count)
        for index in 0..<lineCount {
            (nodes + index).initialize(
                to: curl_slist(data: line, next: index + 1 < lineCount ? nodes + index + 1 : nil))
            line += strlen(line) + 1
        }
        self.block = block
        head = nodes
    }

    deinit { block?.deallocate() }
}
