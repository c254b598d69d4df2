/// The XML reader on any bytes; an accepted document's tree is walked whole.
enum XMLFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        guard let root = try? XMLElement(parsing: bytes) else { return }
        var pending = [root]
        while let element = pending.popLast() {
            _ = element.name
            pending.append(contentsOf: element.children)
        }
    }
}
