import ShelfCore
import ShelfStore

/// The analytics report's tables written as text for a terminal, as CSV (the tables one
/// after another, each headed by its id), or as one JSON object keyed by table.
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
            return tables.map { table in table.id + "\r\n" + table.csv }.joined(separator: "\r\n")
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
}
