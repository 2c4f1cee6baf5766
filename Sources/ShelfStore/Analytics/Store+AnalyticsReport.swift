import ShelfCore

extension Store {
    /// The report of days `from` through `to` (days since 1970-01-01, UTC) from the daily
    /// rollups (run ``rollUpAnalytics(now:keepDays:)`` first for today's events), the orders and
    /// the stock; each list holds at most `limit` entries, largest first.
    public func analyticsReport(from: Int64, to: Int64, limit: Int = 10, lowStock: Int = 3) throws -> AnalyticsReport {
        try database.snapshot {
            let range: [SQLValue] = [.integer(from), .integer(to)]
            let totals = try database.query(
                """
                SELECT day, metric, value, events, visitors, amount FROM analytics_daily
                WHERE day >= ? AND day <= ? AND (metric = 'kind' OR metric = 'funnel')
                """, range)
            var days = Dictionary(
                uniqueKeysWithValues: (from...max(from, to)).map {
                    ($0, AnalyticsReport.Day(day: $0, visitors: 0, pageViews: 0, orders: 0, revenue: 0))
                })
            var funnel = [Int](repeating: 0, count: Funnel.steps.count)
            for row in totals {
                let day = try row.int64("day")
                let value = try row.text("value")
                if try row.text("metric") == "funnel" {
                    if let step = Funnel.steps.firstIndex(of: value) { funnel[step] += try row.int("visitors") }
                } else if value == AnalyticsEvent.Kind.pageView.rawValue {
                    days[day]?.visitors = try row.int("visitors")
                    days[day]?.pageViews = try row.int("events")
                } else if value == AnalyticsEvent.Kind.paid.rawValue {
                    days[day]?.orders = try row.int("events")
                    days[day]?.revenue = try row.int64("amount")
                }
            }
            let statuses = ["paid", "partially_shipped", "shipped", "delivered"].map { SQLValue.text($0) }
            let sold = try database.query(
                """
                SELECT l.sku AS value, COUNT(DISTINCT o.id) AS events, SUM(l.quantity) AS amount FROM order_lines l
                JOIN orders o ON o.id = l.order_id
                WHERE o.status IN (?, ?, ?, ?) AND o.created_at >= ? AND o.created_at < ?
                GROUP BY l.sku ORDER BY amount DESC, l.sku LIMIT ?
                """, statuses + [.integer(from * Self.analyticsDay), .integer((to + 1) * Self.analyticsDay), .int(limit)])
            let low = try database.query(
                """
                SELECT s.sku AS value, s.on_hand - s.reserved - s.allocated AS amount FROM stock s JOIN variants v ON v.sku = s.sku
                WHERE v.active = 1 AND s.on_hand - s.reserved - s.allocated <= ? ORDER BY amount, s.sku LIMIT ?
                """, [.int(lowStock), .int(limit)])
            return AnalyticsReport(
                from: from, to: to, days: days.values.sorted { $0.day < $1.day }, funnel: Funnel(counts: funnel),
                topPages: try top("page", from, to, limit), topProductsViewed: try top("product_viewed", from, to, limit),
                referrers: try top("referrer", from, to, limit), utmSources: try top("utm_source", from, to, limit),
                utmCampaigns: try top("utm_campaign", from, to, limit),
                campaignRevenue: try top("paid_campaign", from, to, limit, by: "amount"),
                emptySearches: try top("search_empty", from, to, limit),
                bestSellers: try sold.map {
                    AnalyticsReport.Count(
                        value: try $0.text("value"), events: try $0.int("events"), visitors: 0, amount: try $0.int64("amount"))
                },
                lowStock: try low.map {
                    AnalyticsReport.Count(value: try $0.text("value"), events: 0, visitors: 0, amount: try $0.int64("amount"))
                })
        }
    }

    /// The `limit` most frequent values of `metric` over the days, by events (or `by` amount).
    private func top(
        _ metric: String, _ from: Int64, _ to: Int64, _ limit: Int, by order: String = "events"
    ) throws -> [AnalyticsReport.Count] {
        let sorting = order == "amount" ? "amount DESC, events DESC" : "events DESC, visitors DESC"
        return try database.query(
            """
            SELECT value, SUM(events) AS events, SUM(visitors) AS visitors, SUM(amount) AS amount FROM analytics_daily
            WHERE metric = ? AND day >= ? AND day <= ? GROUP BY value ORDER BY \(sorting), value LIMIT ?
            """, [.text(metric), .integer(from), .integer(to), .int(limit)]
        ).map { row in
            AnalyticsReport.Count(
                value: try row.text("value"), events: try row.int("events"), visitors: try row.int("visitors"),
                amount: try row.int64("amount"))
        }
    }
}
