import ShelfCore

/// The `Date:` header's format (RFC 5322 §3.3), always in UTC: `Fri, 13 Feb 2026 09:30:00 +0000`.
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ unixSeconds: Int64) -> String {
        let (day, seconds) = unixSeconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = seconds < 0 ? day - 1 : day
        let time = seconds < 0 ? seconds + 86_400 : seconds
        let (year, month, dayOfMonth) = CalendarDay.civil(days: dayNumber)
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        return "\(weekday), \(dayOfMonth) \(months[month - 1]) \(year) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000"
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
