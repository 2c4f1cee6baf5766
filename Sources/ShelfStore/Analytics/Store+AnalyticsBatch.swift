extension Store {
    /// Writes `events` in one transaction: one commit (and at most one checkpoint of the
    /// analytics file) for the whole batch, where one ``record(_:visitor:now:perMinute:)`` per
    /// event pays a commit each. Each keeps its own time and the day that time falls in.
    ///
    /// ```swift
    /// try store.record([VisitorEvent(AnalyticsEvent(.cartAdd, detail: "TEE-S"), visitor: hash, at: now)])
    /// ```
    public func record(_ events: [VisitorEvent]) throws {
        guard let first = events.first else { return }
        let database = try analyticsDatabase()
        // One row needs no transaction of its own: the INSERT commits by itself.
        if events.count == 1 {
            _ = try database.execute(Self.insertEvent, Self.arguments(of: first.event, visitor: first.visitor, at: first.at))
            return
        }
        try database.transaction {
            var rest = events[...]
            while rest.count >= Self.rowsPerInsert {
                let rows = rest.prefix(Self.rowsPerInsert)
                _ = try database.execute(Self.insertEvents, rows.flatMap { Self.arguments(of: $0.event, visitor: $0.visitor, at: $0.at) })
                rest = rest.dropFirst(Self.rowsPerInsert)
            }
            for kept in rest {
                _ = try database.execute(Self.insertEvent, Self.arguments(of: kept.event, visitor: kept.visitor, at: kept.at))
            }
        }
    }

    /// Events one statement of a batch inserts. SQLite runs each statement's fixed costs once
    /// for all its rows: opening the table's and the indexes' cursors, the list of kinds the
    /// schema checks against, the `AUTOINCREMENT` counter. That made an event's insert a third
    /// cheaper in batches of 64; a batch's last few events go one statement each.
    static let rowsPerInsert = 16

    /// Inserts ``rowsPerInsert`` events, in order; their arguments are each event's
    /// ``arguments(of:visitor:at:)`` one after another.
    static let insertEvents =
        insertEvent + String(repeating: ",\n(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rowsPerInsert - 1)

    /// Inserts one event; its arguments are ``arguments(of:visitor:at:)``.
    static let insertEvent = """
        INSERT INTO analytics_events
            (at, day, visitor, kind, path, product, referrer, utm_source, utm_medium, utm_campaign, screen, detail, amount, order_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(of event: AnalyticsEvent, visitor: String, at: Int64) -> [SQLValue] {
        [
            .integer(at), .integer(at / analyticsDay), .text(visitor), .text(event.kind.rawValue), .text(event.path),
            .text(event.product), .text(event.referrer), .text(event.utmSource), .text(event.utmMedium), .text(event.utmCampaign),
            .text(event.screen), .text(event.detail), .integer(event.amount), .integer(event.orderID),
        ]
    }
}
