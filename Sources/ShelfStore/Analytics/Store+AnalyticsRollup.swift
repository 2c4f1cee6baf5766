import ShelfCore

/// What one rollup did.
public struct AnalyticsRollup: Sendable, Hashable {
    /// The days counted again, because they had events the last rollup had not seen.
    public var days: [Int64]
    /// Raw events deleted for being older than the retention setting.
    public var deleted: Int
}

extension Store {
    /// The daily counts each rollup writes, as (metric, the `SELECT` of its value, the events
    /// it counts, the amount summed). Every one is grouped by value within one day.
    private static let dailyMetrics: [(metric: String, value: String, filter: String, amount: String)] = [
        ("page", "path", "kind = 'page_view'", "0"),
        ("product_viewed", "product", "kind = 'page_view' AND product <> ''", "0"),
        ("referrer", "referrer", "kind = 'page_view' AND referrer <> ''", "0"),
        ("utm_source", "utm_source", "kind = 'page_view' AND utm_source <> ''", "0"),
        ("utm_campaign", "utm_campaign", "kind = 'page_view' AND utm_campaign <> ''", "0"),
        ("screen", "screen", "kind = 'page_view' AND screen <> ''", "0"),
        ("kind", "kind", "1 = 1", "SUM(amount)"),
        ("cart_add", "detail", "kind = 'cart_add'", "SUM(amount)"),
        ("checkout_step", "detail", "kind = 'checkout_step'", "0"),
        ("search_empty", "detail", "kind = 'search' AND amount = 0", "0"),
        ("paid_campaign", "utm_campaign", "kind = 'paid' AND utm_campaign <> ''", "SUM(amount)"),
    ]

    /// A `WITH` clause naming `pending`, the days between the first two arguments (days since
    /// 1970-01-01) that have events no rollup has counted, and `daily`, the daily counts of the
    /// days between the next two: the rollups' rows, but for the pending days counted from the
    /// raw events as a rollup would, without writing anything.
    static let dailyCounts: String = {
        let live = dailyMetrics.map { metric in
            """
            SELECT day, CAST('\(metric.metric)' AS TEXT) AS metric, \(metric.value) AS value, COUNT(*) AS events,
                COUNT(DISTINCT visitor) AS visitors, CAST(\(metric.amount) AS BIGINT) AS amount
            FROM analytics_events WHERE day IN (SELECT day FROM pending) AND \(metric.filter) GROUP BY day, \(metric.value)
            """
        }
        return """
            WITH pending AS (\(Store.pendingDaysQuery)),
            daily AS (
                SELECT day, metric, value, events, visitors, amount FROM analytics_daily
                WHERE day >= ? AND day <= ? AND day NOT IN (SELECT day FROM pending)
                UNION ALL
            \(live.joined(separator: "\nUNION ALL\n"))
            )

            """
    }()

    /// The days between `from` and `to` with events no rollup has counted yet.
    func pendingDays(from: Int64, to: Int64, in database: any Database) throws -> [Int64] {
        try database.query(Self.pendingDaysQuery + " ORDER BY 1", [.integer(from), .integer(to)]).map { try $0.int64("day") }
    }

    /// The days between its two arguments with events after the last one rolled up, read from
    /// those events only, through the primary key. The `+` before `day` keeps SQLite from
    /// walking the `(day, kind)` index instead, which holds every event of the range: with a
    /// month of a million events, that walk took most of the report's time.
    private static let pendingDaysQuery = """
        SELECT +day AS day FROM analytics_events
        WHERE id > (SELECT last_event FROM analytics_rolled WHERE id = 1) AND +day >= ? AND +day <= ? GROUP BY 1
        """

    /// Counts the raw events into `analytics_daily`, day by day, for every day with events not
    /// counted yet (a day counted before is counted again whole), then deletes the raw events
    /// older than `keepDays` days before `now`. The daily counts stay.
    ///
    /// ```swift
    /// let rollup = try store.rollUpAnalytics(now: now, keepDays: 90)
    /// ```
    @discardableResult
    public func rollUpAnalytics(now: Int64, keepDays: Int) throws -> AnalyticsRollup {
        let database = try analyticsDatabase()
        return try database.transaction {
            let last = try database.query("SELECT last_event FROM analytics_rolled WHERE id = 1\(database.dialect.forUpdate)")[0]
                .int64("last_event")
            let newest = try database.query("SELECT COALESCE(MAX(id), 0) AS id FROM analytics_events")[0].int64("id")
            let days = try database.query(
                "SELECT +day AS day FROM analytics_events WHERE id > ? GROUP BY 1 ORDER BY 1", [.integer(last)]
            ).map { try $0.int64("day") }
            for day in days { try rollUp(day: day, in: database) }
            try database.execute("UPDATE analytics_rolled SET last_event = ? WHERE id = 1", [.integer(max(last, newest))])
            let deleted = try database.execute(
                "DELETE FROM analytics_events WHERE at < ?", [.integer(now - Int64(keepDays) * Self.analyticsDay)])
            return AnalyticsRollup(days: days, deleted: deleted)
        }
    }

    private func rollUp(day: Int64, in database: any Database) throws {
        try database.execute("DELETE FROM analytics_daily WHERE day = ?", [.integer(day)])
        for metric in Self.dailyMetrics {
            try database.execute(
                """
                INSERT INTO analytics_daily (day, metric, value, events, visitors, amount)
                SELECT CAST(? AS BIGINT), CAST(? AS TEXT), \(metric.value), COUNT(*), COUNT(DISTINCT visitor), \(metric.amount)
                FROM analytics_events WHERE day = ? AND \(metric.filter) GROUP BY \(metric.value)
                """, [.integer(day), .text(metric.metric), .integer(day)])
        }
        let funnel = Funnel(reached: try funnelReach(day: day, in: database))
        for (step, count) in zip(Funnel.steps, funnel.counts) {
            try database.execute(
                "INSERT INTO analytics_daily (day, metric, value, events, visitors, amount) VALUES (?, 'funnel', ?, ?, ?, 0)",
                [.integer(day), .text(step), .int(count), .int(count)])
        }
    }

    /// For each visitor of `day`, whether they reached each of ``ShelfCore/Funnel/steps``.
    func funnelReach(day: Int64, in database: any Database) throws -> [[Bool]] {
        try database.query(
            """
            SELECT
                MAX(CASE WHEN kind = 'page_view' THEN 1 ELSE 0 END) AS visit,
                MAX(CASE WHEN kind = 'page_view' AND product <> '' THEN 1 ELSE 0 END) AS product,
                MAX(CASE WHEN kind = 'cart_add' THEN 1 ELSE 0 END) AS cart,
                MAX(CASE WHEN kind = 'checkout_start' THEN 1 ELSE 0 END) AS checkout,
                MAX(CASE WHEN kind = 'paid' THEN 1 ELSE 0 END) AS paid
            FROM analytics_events WHERE day = ? GROUP BY visitor
            """, [.integer(day)]
        ).map { row in try Funnel.steps.map { try row.int($0) == 1 } }
    }
}
