extension CalendarDay {
    /// The number of the day `YYYY-MM-DD` names, counted from 1970-01-01 (day 0); nil for a text
    /// that is not a real date between the years 1970 and 9999.
    ///
    /// ```swift
    /// CalendarDay.number(of: "1970-01-02")   // 1
    /// ```
    public static func number(of text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            year >= 1970, (1...12).contains(month), (1...days(inMonth: month, of: year)).contains(day)
        else { return nil }
        // Days from civil (Howard Hinnant's algorithm), the inverse of civil(days:).
        let shifted = Int64(month <= 2 ? year - 1 : year)
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
