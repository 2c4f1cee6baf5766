extension Migration {
    /// The analytics file's events check their kind with comparisons joined by `OR` instead of
    /// an `IN` list. SQLite looks a value up in a list of more than two constants through a
    /// temporary table of the list, and that check took an eighth to a quarter of a batched
    /// insert's CPU and a third of a single row's (bench/README.md); the comparisons allow the
    /// same kinds for a tenth of that. A CHECK cannot be altered in place, so the table is
    /// rebuilt with its ids and indexes.
    ///
    /// For the analytics file alone (``analyticsFile``), which is always SQLite: PostgreSQL keeps
    /// the events in the store's database, where `IN` costs no more than the comparisons.
    ///
    /// `AUTOINCREMENT` would restart from the largest id copied, which is below the old counter
    /// when the newest events had been deleted; the rollup's mark (`analytics_rolled`) counts on
    /// ids that only grow, so the counter is carried over.
    static let analyticsKindCheck = Migration(name: "analytics_kind_check") { dialect in
        let columns = """
            at, day, visitor, kind, path, product, referrer, utm_source, utm_medium, utm_campaign, screen, detail, amount, order_id
            """
        let kinds = AnalyticsEvent.Kind.allCases.map { "kind = '\($0.rawValue)'" }.joined(separator: " OR ")
        return [
            """
            CREATE TABLE analytics_events_new (
                id \(dialect.generatedKey),
                at BIGINT NOT NULL,
                day BIGINT NOT NULL,
                visitor TEXT NOT NULL CHECK (length(visitor) = 32),
                kind TEXT NOT NULL CHECK (\(kinds)),
                path TEXT NOT NULL DEFAULT '' CHECK (length(path) <= 512),
                product TEXT NOT NULL DEFAULT '' CHECK (length(product) <= 200),
                referrer TEXT NOT NULL DEFAULT '' CHECK (length(referrer) <= 255),
                utm_source TEXT NOT NULL DEFAULT '' CHECK (length(utm_source) <= 100),
                utm_medium TEXT NOT NULL DEFAULT '' CHECK (length(utm_medium) <= 100),
                utm_campaign TEXT NOT NULL DEFAULT '' CHECK (length(utm_campaign) <= 100),
                screen TEXT NOT NULL DEFAULT '' CHECK (length(screen) <= 10),
                detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200),
                amount BIGINT NOT NULL DEFAULT 0,
                order_id BIGINT NULL
            )
            """,
            "INSERT INTO analytics_events_new (id, \(columns)) SELECT id, \(columns) FROM analytics_events",
            "DELETE FROM sqlite_sequence WHERE name = 'analytics_events_new'",
            """
            INSERT INTO sqlite_sequence (name, seq)
            SELECT 'analytics_events_new', seq FROM sqlite_sequence WHERE name = 'analytics_events'
            """,
            "DROP TABLE analytics_events",
            "ALTER TABLE analytics_events_new RENAME TO analytics_events",
            "CREATE INDEX analytics_events_by_visitor ON analytics_events (visitor, at)",
            "CREATE INDEX analytics_events_by_day ON analytics_events (day, kind)",
            "CREATE INDEX analytics_events_by_order ON analytics_events (order_id)",
        ]
    }
}
