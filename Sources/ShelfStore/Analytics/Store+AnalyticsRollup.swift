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

    /// Counts the raw events into `analytics_daily`, day by day, for every day with events not
    /// counted yet (a day counted before is counted again whole), then deletes the raw events
    /// older than `keepDays` days before `now`. The daily counts stay.
    ///
    /// ```swift
    /// let rollup = try store.rollUpAnalytics(now: now, keepDays: 90)
    /// ```
    @discardableResult
    public func rollUpAnalytics(now: Int64, keepDays: Int) throws -> AnalyticsRollup {
        try database.transaction {
            let last = try database.query("SELECT last_event FROM analytics_rolled WHERE id = 1\(database.dialect.forUpdate)")[0]
                .int64("last_event")
            let newest = try database.query("SELECT COALESCE(MAX(id), 0) AS id FROM analytics_events")[0].int64("id")
            let days = try database.query(
                "SELECT DISTINCT day FROM analytics_events WHERE id > ? ORDER BY day", [.integer(last)]
            ).map { try $0.int64("day") }
            for day in days { try rollUp(day: day) }
            try database.execute("UPDATE analytics_rolled SET last_event = ? WHERE id = 1", [.integer(max(last, newest))])
            let deleted = try database.execute(
                "DELETE FROM analytics_events WHERE at < ?", [.integer(now - Int64(keepDays) * Self.analyticsDay)])
            return AnalyticsRollup(days: days, deleted: deleted)
        }
    }

    private func rollUp(day: Int64) throws {
        try database.execute("DELETE FROM analytics_daily WHERE day = ?", [.integer(day)])
        for metric in Self.dailyMetrics {
            try database.execute(
                """
                INSERT INTO analytics_daily (day, metric, value, events, visitors, amount)
                SELECT CAST(? AS BIGINT), CAST(? AS TEXT), \(metric.value), COUNT(*), COUNT(DISTINCT visitor), \(metric.amount)
                FROM analytics_events WHERE day = ? AND \(metric.filter) GROUP BY \(metric.value)
                """, [.integer(day), .text(metric.metric), .integer(day)])
        }
        let funnel = Funnel(reached: try funnelReach(day: day))
        for (step, count) in zip(Funnel.steps, funnel.counts) {
            try database.execute(
                "INSERT INTO analytics_daily (day, metric, value, events, visitors, amount) VALUES (?, 'funnel', ?, ?, ?, 0)",
                [.integer(day), .text(step), .int(count), .int(count)])
        }
    }

    /// For each visitor of `day`, whether they reached each of ``ShelfCore/Funnel/steps``.
    private func funnelReach(day: Int64) throws -> [[Bool]] {
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
