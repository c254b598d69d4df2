/// The timestamp reader (ISO 8601, HTTP dates, epoch seconds) on any text; a time it accepts
/// must be in range and read back from each of its written forms.
enum TimestampFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        _ = Timestamp.parseISO8601(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        _ = Timestamp.parseHTTPDate(text)
        guard let timestamp = Timestamp(parsing: text) else { return }
        fuzzCheck(
            Timestamp.supportedRange.contains(timestamp.epochSeconds),
            "accepted out of range: \(timestamp.epochSeconds)")
        for format in [Timestamp.Format.iso8601, .rfc822, .unixTimestamp] {
            let written = timestamp.formatted(format)
            fuzzCheck(Timestamp(parsing: written) != nil, "\(format) form \(written) of \(text) does not read back")
        }
    }
}
