/// The `Date:` header's format (RFC 5322 §3.3), always in UTC: `Fri, 13 Feb 2026 09:30:00 +0000`.
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ unixSeconds: Int64) -> String {
        let (day, seconds) = unixSeconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = seconds < 0 ? day - 1 : day
        let time = seconds < 0 ? seconds + 86_400 : seconds
        let (year, month, dayOfMonth) = civil(dayNumber)
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        return "\(weekday), \(dayOfMonth) \(months[month - 1]) \(year) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000"
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The proleptic Gregorian date of a day counted from 1970-01-01, by the era arithmetic
    /// of 400-year cycles (146,097 days each, starting on 1 March).
    private static func civil(_ dayNumber: Int64) -> (year: Int64, month: Int, day: Int64) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), Int(month), day)
    }
}
