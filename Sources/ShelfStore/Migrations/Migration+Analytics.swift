extension Migration {
    /// The store's analytics: raw events, the day's secret salt, and the daily rollups.
    ///
    /// `analytics_events` holds one row per page view (from the beacon) or store event (from the
    /// functions), keyed by a visitor hash that changes every day; no IP address, user agent or
    /// cookie is stored. `order_id` ties a checkout's last step, and later the order's payment
    /// and refunds, to the visitor who placed it (no foreign key: an erased order keeps its
    /// anonymous counts). `analytics_salts` keeps the secret of each day that hashes are made with,
    /// and loses it once the day is over, after which nobody can tell whose hash a row holds.
    /// `analytics_daily` holds what `shelf analytics rollup` counts per day, so raw rows can be
    /// deleted after the retention setting: one row per day, metric and value (a page, a
    /// product, a campaign…). `analytics_rolled` remembers the last event rolled up, so a
    /// rollup counts again only the days that have new events.
    static let analytics = Migration(name: "analytics") { dialect in
        [
            """
            CREATE TABLE analytics_salts (
                day BIGINT PRIMARY KEY,
                salt TEXT NOT NULL CHECK (length(salt) = 64)
            )
            """,
            """
            CREATE TABLE analytics_events (
                id \(dialect.generatedKey),
                at BIGINT NOT NULL,
                day BIGINT NOT NULL,
                visitor TEXT NOT NULL CHECK (length(visitor) = 32),
                kind TEXT NOT NULL CHECK (kind IN (\(AnalyticsEvent.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))),
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
            "CREATE INDEX analytics_events_by_visitor ON analytics_events (visitor, at)",
            "CREATE INDEX analytics_events_by_day ON analytics_events (day, kind)",
            "CREATE INDEX analytics_events_by_order ON analytics_events (order_id)",
            """
            CREATE TABLE analytics_daily (
                day BIGINT NOT NULL,
                metric TEXT NOT NULL,
                value TEXT NOT NULL,
                events BIGINT NOT NULL,
                visitors BIGINT NOT NULL,
                amount BIGINT NOT NULL,
                PRIMARY KEY (day, metric, value)
            )
            """,
            """
            CREATE TABLE analytics_rolled (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_event BIGINT NOT NULL
            )
            """,
            "INSERT INTO analytics_rolled (id, last_event) VALUES (1, 0)",
        ]
    }
}

extension Migration {
    /// The migrations of the analytics' own SQLite file (``AnalyticsConnection``), in the order
    /// they are applied: the same tables the store's database had before, then the cheaper
    /// check of an event's kind.
    static let analyticsFile: [Migration] = [.analytics, .analyticsKindCheck]
}
