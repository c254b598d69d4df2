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

    public init(epochSeconds: Int64) {
        let c = Timestamp(epochSeconds: Double(epochSeconds)).components
        let stamp = Self.pad(c.year, 4) + Self.pad(c.month, 2) + Self.pad(c.day, 2)
        dateStamp = stamp
        amzDate = stamp + "T" + Self.pad(c.hour, 2) + Self.pad(c.minute, 2) + Self.pad(c.second, 2) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
