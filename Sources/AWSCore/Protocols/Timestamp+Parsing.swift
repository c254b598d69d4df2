extension Timestamp {
    /// `YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|±hh|±hh:mm|±hhmm]`, also with a space for `T`. A day the
    /// month does not have, an hour past 23, a minute past 59 and an offset cut short (`+05:`)
    /// are no timestamp.
    static func parseISO8601(_ b: [UInt8]) -> Timestamp? {
        var cursor = ISO8601Cursor(b: b)
        guard let year = cursor.number(4), cursor.expect("-"), let month = cursor.number(2), cursor.expect("-"),
            let day = cursor.number(2),
            CivilCalendar.isDate(year: year, month: month, day: day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset = 0
        if cursor.i < b.count {
            guard
                b[cursor.i] == UInt8(ascii: "T") || b[cursor.i] == UInt8(ascii: "t") || b[cursor.i] == UInt8(ascii: " ")
            else {
                return nil
            }
            cursor.i += 1
            guard let h = cursor.number(2), cursor.expect(":"), let m = cursor.number(2) else { return nil }
            hour = h
            minute = m
            if cursor.expect(":") {
                guard let s = cursor.number(2) else { return nil }
                second = s
                if cursor.expect(".") || cursor.expect(",") {
                    var scale = 0.1
                    let start = cursor.i
                    while cursor.i < b.count, b[cursor.i] >= 48, b[cursor.i] <= 57 {
                        fraction += Double(b[cursor.i] - 48) * scale
                        scale /= 10
                        cursor.i += 1
                    }
                    guard cursor.i > start else { return nil }
                }
            }
            if cursor.expect("Z") || cursor.expect("z") {
            } else if cursor.i < b.count, b[cursor.i] == UInt8(ascii: "+") || b[cursor.i] == UInt8(ascii: "-") {
                let sign = b[cursor.i] == UInt8(ascii: "-") ? -1 : 1
                cursor.i += 1
                guard let oh = cursor.number(2), oh < 24 else { return nil }
                var om = 0
                if cursor.expect(":") {
                    guard let minutes = cursor.number(2) else { return nil }
                    om = minutes
                } else if cursor.i < b.count {
                    guard let minutes = cursor.number(2) else { return nil }
                    om = minutes
                }
                guard om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard cursor.i == b.count, hour < 24, minute < 60, second < 61 else { return nil }
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset))
        return Timestamp(epochSeconds: seconds + fraction)
    }

    /// `Wed, 26 Nov 2026 00:30:34 GMT` (RFC 7231 IMF-fixdate; the weekday is not checked).
    static func parseHTTPDate(_ text: String) -> Timestamp? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 6, words[0].hasSuffix(","), words[5] == "GMT" || words[5] == "UTC",
            let day = Int(words[1]),
            let monthIndex = CivilCalendar.monthNames.firstIndex(of: words[2]),
            let year = Int(words[3])
        else { return nil }
        let time = words[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3, (1...9999).contains(year),
            CivilCalendar.isDate(year: year, month: monthIndex + 1, day: day),
            (0..<24).contains(time[0]),
            (0..<60).contains(time[1]), (0..<61).contains(time[2])
        else { return nil }
        let days = CivilCalendar.days(year: year, month: monthIndex + 1, day: day)
        return Timestamp(epochSeconds: Double(days * 86_400 + Int64(time[0] * 3600 + time[1] * 60 + time[2])))
    }
}

/// A position in the bytes of an ISO 8601 timestamp being read (a struct rather than
/// functions capturing the index, which would box it and check each access).
private struct ISO8601Cursor {
    let b: [UInt8]
    var i = 0

    /// `width` digits as a number, or nil (the position then unchanged).
    mutating func number(_ width: Int) -> Int? {
        guard i + width <= b.count else { return nil }
        var value = 0
        for k in i..<(i + width) {
            guard b[k] >= 48 && b[k] <= 57 else { return nil }
            value = value * 10 + Int(b[k] - 48)
        }
        i += width
        return value
    }

    /// Moves past `c` when it is the next byte.
    mutating func expect(_ c: Unicode.Scalar) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
        i += 1
        return true
    }
}
