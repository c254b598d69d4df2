import Foundation

/// The signing time in the two forms SigV4 uses: `20150830T123600Z` (`x-amz-date`) and `20150830`
/// (credential scope), always UTC, fractions of a second dropped.
public struct SigV4Timestamp: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    public let amzDate: String
    /// `yyyyMMdd`.
    public let dateStamp: String

    public init(_ date: Date) {
        self.init(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    public init(epochSeconds: Int64) {
        let days = Self.floorDivide(epochSeconds, 86_400)
        let secondsOfDay = Int(epochSeconds - days * 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        let stamp = Self.pad(Int(year), 4) + Self.pad(month, 2) + Self.pad(day, 2)
        dateStamp = stamp
        amzDate =
            stamp + "T" + Self.pad(secondsOfDay / 3600, 2) + Self.pad(secondsOfDay / 60 % 60, 2)
            + Self.pad(secondsOfDay % 60, 2) + "Z"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int, Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width
            ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
