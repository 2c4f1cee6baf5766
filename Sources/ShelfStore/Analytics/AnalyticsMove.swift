/// Moves the analytics tables of a store made before the analytics had a file of their own
/// out of the store's SQLite database, into the analytics file, and drops them there.
///
/// The move runs in a write transaction of each database, the store's first: two processes
/// opening the analytics at once move the rows once, and a move cut short (the analytics
/// committed, the store's tables not yet dropped) is run again whole by the next process, rows
/// keeping their ids, so nothing is counted twice.
struct AnalyticsMove {
    let from: any Database
    let to: any Database

    /// The tables moved, parents first; `analytics_rolled` is merged, not copied.
    private static let tables: [(name: String, columns: String)] = [
        ("analytics_salts", "day, salt"),
        (
            "analytics_events",
            "id, at, day, visitor, kind, path, product, referrer, utm_source, utm_medium, utm_campaign, screen, detail, amount, order_id"
        ),
        ("analytics_daily", "day, metric, value, events, visitors, amount"),
    ]

    func run() throws {
        // One read when there is nothing to move, which is every time but the first.
        guard try hasEventsTable() else { return }
        try from.transaction {
            guard try hasEventsTable() else { return }
            try to.transaction {
                for table in Self.tables { try copy(table.name, columns: table.columns) }
                let rolled = try from.query("SELECT last_event FROM analytics_rolled WHERE id = 1")
                if let last = try rolled.first?.int64("last_event") {
                    try to.execute(
                        "UPDATE analytics_rolled SET last_event = MAX(last_event, ?) WHERE id = 1", [.integer(last)])
                }
            }
            for table in Self.tables.map(\.name).reversed() + ["analytics_rolled"] {
                try from.execute("DROP TABLE \(table)")
            }
        }
    }

    private func hasEventsTable() throws -> Bool {
        try !from.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'analytics_events'").isEmpty
    }

    /// Copies every row of `table`, skipping those the analytics file has already.
    private func copy(_ table: String, columns: String) throws {
        let count = columns.split(separator: ",").count
        let insert =
            "INSERT INTO \(table) (\(columns)) VALUES (\(Array(repeating: "?", count: count).joined(separator: ", "))) ON CONFLICT DO NOTHING"
        for row in try from.query("SELECT \(columns) FROM \(table)") {
            try to.execute(insert, row.values)
        }
    }
}
