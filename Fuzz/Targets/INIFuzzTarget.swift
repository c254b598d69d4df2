/// The parser of `~/.aws/config` and `~/.aws/credentials` on any text.
enum INIFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        guard let document = try? INIParser.parse(String(decoding: bytes, as: UTF8.self), path: "config") else {
            return
        }
        for section in document.sections {
            _ = section.properties.count
        }
    }
}
