import Foundation

/// Writes calendar days the way the store's locale does in full (`25 November 2026` in en-IE,
/// `November 25, 2026` in en-US), in UTC, so a day never shifts with the server's time zone.
///
/// ```swift
/// DayFormatter(locale: "en-IE").string(day: "2026-11-25")      // "25 November 2026"
/// DayFormatter(locale: "en-IE").string(seconds: 1_795_600_000)  // the UTC day of that moment
/// ```
public struct DayFormatter: Sendable {
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// A `YYYY-MM-DD` day written out; any other text comes back unchanged.
    public func string(day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let value = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return day }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = calendar.timeZone
        formatter.dateStyle = .long
        return formatter.string(from: value)
    }

    /// The UTC day of Unix time `seconds`, written out.
    public func string(seconds: Int64) -> String {
        string(day: CalendarDay.of(seconds))
    }
}
