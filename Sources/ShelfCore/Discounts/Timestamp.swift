/// An ISO 8601 moment as written in a content file: `2026-11-20`, `2026-11-20T09:00`,
/// `2026-11-20T09:00:00+01:00` or `…Z`. Without Foundation.
///
/// ```swift
/// let written = Timestamp(parsing: "2026-11-20T09:00:00+01:00")
/// written?.seconds(offset: 0)   // 1_795_161_600 − 3_600: the offset written wins
/// ```
public struct Timestamp: Hashable, Sendable {
    /// The wall-clock time read as if it were UTC, in Unix seconds.
    public var wallClock: Int64
    /// The offset from UTC written in the text, in seconds; nil when it gave none.
    public var offset: Int64?
    /// True for a bare `YYYY-MM-DD`.
    public var isDateOnly: Bool

    /// Reads the text; nil when it is not one of the accepted forms or names a day or time that
    /// does not exist.
    public init?(parsing text: String) {
        let chars = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= chars.count else { return nil }
            var value: Int64 = 0
            for byte in chars[from..<(from + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard chars.count >= 10, let year = digits(0, 4), chars[4] == 45, let month = digits(5, 2), chars[7] == 45,
            let day = digits(8, 2), (1...12).contains(month), day >= 1, day <= CalendarDay.days(inMonth: Int(month), of: Int(year))
        else { return nil }
        let days = Self.days(year: year, month: month, day: day)
        if chars.count == 10 {
            self.init(wallClock: days * 86_400, offset: nil, isDateOnly: true)
            return
        }
        guard chars[10] == 84 || chars[10] == 32, let hour = digits(11, 2), chars.count >= 16, chars[13] == 58,
            let minute = digits(14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second: Int64 = 0
        if index < chars.count, chars[index] == 58 {
            guard let value = digits(17, 2), value < 60 else { return nil }
            second = value
            index = 19
        }
        var offset: Int64?
        if index < chars.count {
            if chars[index] == 90, index + 1 == chars.count {
                offset = 0
            } else if chars[index] == 43 || chars[index] == 45, index + 6 == chars.count, chars[index + 3] == 58,
                let hours = digits(index + 1, 2), let minutes = digits(index + 4, 2), hours < 24, minutes < 60
            {
                offset = (chars[index] == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
        }
        self.init(wallClock: days * 86_400 + hour * 3600 + minute * 60 + second, offset: offset, isDateOnly: false)
    }

    public init(wallClock: Int64, offset: Int64?, isDateOnly: Bool) {
        self.wallClock = wallClock
        self.offset = offset
        self.isDateOnly = isDateOnly
    }

    /// Unix seconds of the moment, using the written offset or else `offset`.
    public func seconds(offset fallback: Int64) -> Int64 { wallClock - (offset ?? fallback) }

    /// Unix seconds of a text that carries its own offset (`…Z`, `…+01:00`); nil otherwise.
    public static func seconds(parsing text: String) -> Int64? {
        guard let written = Timestamp(parsing: text), let offset = written.offset else { return nil }
        return written.wallClock - offset
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days from civil).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
