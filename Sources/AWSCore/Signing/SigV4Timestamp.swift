import FoundationEssentials

/// The signing time in the two forms SigV4 uses: `20150830T123600Z` (`x-amz-date`) and `20150830`
/// (credential scope), always UTC, fractions of a second dropped.
public struct SigV4Timestamp: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    public let amzDate: String
    /// `yyyyMMdd`.
    public let dateStamp: String

    /// A date outside `Timestamp.supportedRange` signs as the nearest end of it.
    public init(_ date: Date) {
        let range = Timestamp.supportedRange
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isNaN ? 0 : min(max(seconds, range.lowerBound), range.upperBound)
        self.init(epochSeconds: Int64(clamped.rounded(.down)))
    }

    /// `Timestamp.iso8601Seconds` (`2015-08-30T12:36:00Z`, always a four-digit year) without
    /// its separators.
    public init(epochSeconds: Int64) {
        var iso = Timestamp(epochSeconds: Double(epochSeconds)).iso8601Seconds
        amzDate = iso.withUTF8 { Self.withoutSeparators($0) }
        dateStamp = iso.withUTF8 { Self.withoutSeparators(UnsafeBufferPointer(rebasing: $0.prefix(10))) }
    }

    /// The bytes without `-` and `:`, as a string.
    private static func withoutSeparators(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            for byte in bytes where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") {
                out[count] = byte
                count += 1
            }
            return count
        }
    }
}
