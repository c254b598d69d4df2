extension Timestamp {
    /// `YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|±hh|±hh:mm|±hhmm]`, also with a space for `T`. A day the
    /// month does not have, an hour past 23, a minute past 59 and an offset cut short (`+05:`)
    /// are no timestamp.
    static func parseISO8601(_ b: [UInt8]) -> Timestamp? {
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += width
            return value
        }
        func expect(_ c: Unicode.Scalar) -> Bool {
            guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            CivilCalendar.isDate(year: year, month: month, day: day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset = 0
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else {
                return nil
            }
            i += 1
            guard let h = number(2), expect(":"), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2) else { return nil }
                second = s
                if expect(".") || expect(",") {
                    var scale = 0.1
                    let start = i
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        fraction += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            if expect("Z") || expect("z") {
            } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = number(2), oh < 24 else { return nil }
                var om = 0
                if expect(":") {
                    guard let minutes = number(2) else { return nil }
                    om = minutes
                } else if i < b.count {
                    guard let minutes = number(2) else { return nil }
                    om = minutes
                }
                guard om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard i == b.count, hour < 24, minute < 60, second < 61 else { return nil }
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
