import ShelfCore
import ShelfStore

/// The analytics report's tables written as text for a terminal, as CSV (the tables one
/// after another, each headed by its name), or as one JSON object keyed by table.
struct ReportOutput {
    let tables: [AnalyticsReport.Table]
    let format: Shelf.AnalyticsCommand.Report.Format

    var text: String {
        switch format {
        case .text:
            return tables.map { table in
                let body = table.rows.isEmpty ? ["(none)"] : columns([table.columns] + table.rows)
                return ([table.title] + body).joined(separator: "\n") + "\n"
            }.joined(separator: "\n")
        case .csv:
            return tables.map { table in
                ([[table.id]] + [table.columns] + table.rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n")
                    + "\r\n"
            }.joined(separator: "\r\n")
        case .json:
            let members = tables.map { table in
                (
                    table.id,
                    JSON.array(
                        table.rows.map { row in
                            .object(zip(table.columns, row).map { ($0.lowercased().replacing(" ", with: "_"), .string($1)) })
                        })
                )
            }
            return JSON.object(members).text + "\n"
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-`
    /// or `@` is prefixed with `'` so a spreadsheet does not run it as a formula (a search
    /// query or a referrer comes from visitors).
    static func csvField(_ value: String) -> String {
        var value = value
        if value.count > 1, let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
