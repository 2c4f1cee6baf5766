/// Calendar days in UTC, without Foundation.
public enum CalendarDay {
    /// `YYYY-MM-DD` of Unix time `seconds`.
    public static func of(_ seconds: Int64) -> String {
        let (year, month, day) = civil(days: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(Int64(month)))-\(two(day))"
    }

    /// The number of days of a month (1 to 12) of a year: 28 to 31, leap years as the Gregorian
    /// calendar counts them.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The proleptic Gregorian date of the day `days` after 1970-01-01 (days from civil, Howard
    /// Hinnant's algorithm: 400-year eras of 146,097 days, each year starting on 1 March).
    public static func civil(days: Int64) -> (year: Int64, month: Int, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), Int(month), day)
    }
}
