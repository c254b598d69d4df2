/// The JSON reader on any bytes; what it accepts must write back and read again unchanged.
enum JSONFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        guard let value = try? JSONDecoding.decode(bytes) else { return }
        let written: [UInt8]
        do {
            written = try JSONEncoding.encode(value)
        } catch {
            fatalError("a decoded value does not encode: \(error)")
        }
        let reread = try? JSONDecoding.decode(written)
        fuzzCheck(
            reread == value, "the encoded value does not decode to itself: \(String(decoding: written, as: UTF8.self))")
    }
}
