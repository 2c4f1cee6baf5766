extension AnalyticsReport.Table {
    /// The table as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote
    /// or line break), its column names first.
    public var csv: String {
        ([columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field. A leading `=`, `+`, `-` or `@` that is not a number is prefixed with `'`, so
    /// that a spreadsheet does not run it as a formula: queries and referrers come from visitors.
    static func csvField(_ value: String) -> String {
        var value = value
        if value.count > 1, let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
