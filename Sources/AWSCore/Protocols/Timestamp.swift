/// A point in time as AWS APIs exchange it: seconds since 1970 UTC, with fractions.
///
/// Reads ISO 8601 (`2026-11-26T00:30:34Z`, with fractions or a `+hh:mm` offset, or a bare
/// date), HTTP dates (`Wed, 26 Nov 2026 00:30:34 GMT`) and epoch seconds; writes each wire
/// format. Scripts see timestamps as `iso8601` strings: whole seconds as `…:34Z`, and
/// milliseconds only when the value has them (`…:34.429Z`).
public struct Timestamp: Sendable, Equatable, Comparable {
    public var epochSeconds: Double

    public init(epochSeconds: Double) {
        self.epochSeconds = epochSeconds
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }

    /// The wire formats of botocore's `timestampFormat` trait.
    public enum Format: String, Sendable {
        case iso8601, unixTimestamp, rfc822
    }

    /// Reads a timestamp written in any of the formats, or nil when the text is none of them
    /// or names a time outside `supportedRange`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingASCIIWhitespace()
        if let parsed = Timestamp.parseISO8601(Array(trimmed.utf8)) ?? Timestamp.parseHTTPDate(trimmed) {
            self = parsed
        } else if let seconds = Double(trimmed), seconds.isFinite {
            self.init(epochSeconds: seconds)
        } else {
            return nil
        }
        guard Timestamp.supportedRange.contains(epochSeconds) else { return nil }
    }

    /// Years 1 to 9999, as ISO 8601 writes them: epoch seconds outside are no time AWS knows.
    public static let supportedRange = -62_135_596_800.0...253_402_300_799.0

    /// Civil date and time parts, UTC; a time outside `supportedRange` (or NaN) reads as its nearest end.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double) {
        let epochSeconds = clampedSeconds
        let whole = epochSeconds.rounded(.down)
        let seconds = Int64(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.date(daysSinceEpoch: days)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, epochSeconds - whole)
    }

    /// `epochSeconds` moved into `supportedRange` (NaN reads as 0), safe to convert to integers.
    private var clampedSeconds: Double {
        let range = Timestamp.supportedRange
        return epochSeconds.isNaN ? 0 : min(max(epochSeconds, range.lowerBound), range.upperBound)
    }

    /// `2026-11-26T00:30:34Z`, fractions dropped.
    public var iso8601Seconds: String {
        iso8601(milliseconds: 0)
    }

    /// ISO 8601 for the wire, rounded to the millisecond (so 0.9996 s is the next second), with
    /// milliseconds only when there are any (as botocore sends).
    public var iso8601: String {
        let rounded = Timestamp(epochSeconds: roundedToMilliseconds)
        let millis = Int((rounded.components.fraction * 1000).rounded())
        return rounded.iso8601(milliseconds: millis > 0 && millis < 1000 ? millis : 0)
    }

    /// `2026-11-26T00:30:34Z`, or `…:34.429Z` when `milliseconds` is not 0, written byte by
    /// byte (every part fits its width: `components` keeps years within 1 to 9999).
    private func iso8601(milliseconds: Int) -> String {
        let c = components
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func append(_ value: Int, _ width: Int, then separator: UInt8) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            text.append(separator)
        }
        append(c.year, 4, then: UInt8(ascii: "-"))
        append(c.month, 2, then: UInt8(ascii: "-"))
        append(c.day, 2, then: UInt8(ascii: "T"))
        append(c.hour, 2, then: UInt8(ascii: ":"))
        append(c.minute, 2, then: UInt8(ascii: ":"))
        if milliseconds == 0 {
            append(c.second, 2, then: UInt8(ascii: "Z"))
        } else {
            append(c.second, 2, then: UInt8(ascii: "."))
            append(milliseconds, 3, then: UInt8(ascii: "Z"))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `clampedSeconds` rounded to whole milliseconds, the finest unit the wire formats carry.
    private var roundedToMilliseconds: Double {
        let range = Timestamp.supportedRange
        return min(max((clampedSeconds * 1000).rounded() / 1000, range.lowerBound), range.upperBound)
    }

    /// `Wed, 26 Nov 2026 00:30:34 GMT`.
    public var rfc822: String {
        let c = components
        let days = Int64((clampedSeconds / 86_400).rounded(.down))
        let weekday = CivilCalendar.weekdayNames[Int(((days % 7) + 11) % 7)]
        return "\(weekday), \(pad(c.day, 2)) \(CivilCalendar.monthNames[c.month - 1]) \(pad(c.year, 4)) "
            + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) GMT"
    }

    /// Epoch seconds as text, rounded to the millisecond: an integer when whole, else with up
    /// to three decimals.
    public var unixTimestamp: String {
        let epochSeconds = roundedToMilliseconds
        if epochSeconds == epochSeconds.rounded() { return String(Int64(epochSeconds)) }
        return "\(epochSeconds)"
    }

    /// The text of this timestamp in `format`.
    public func formatted(_ format: Format) -> String {
        switch format {
        case .iso8601: return iso8601
        case .unixTimestamp: return unixTimestamp
        case .rfc822: return rfc822
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
