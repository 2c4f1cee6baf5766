import ShelfCore

extension Store {
    /// The report of days `from` through `to` (days since 1970-01-01, UTC): the visits from the
    /// daily rollups, with the days that have events no rollup has seen yet (today's) counted
    /// from the raw events, read-only; the sales, discount codes and stock from the store's
    /// database. Each list holds at most `limit` entries, largest first.
    public func analyticsReport(from: Int64, to: Int64, limit: Int = 10, lowStock: Int = 3) throws -> AnalyticsReport {
        let analytics = try analyticsDatabase()
        var report = try analytics.snapshot { try visits(from: from, to: to, limit: limit, in: analytics) }
        try database.snapshot {
            let statuses = ["paid", "partially_shipped", "shipped", "delivered"].map { SQLValue.text($0) }
            let placed: [SQLValue] = [.integer(from * Self.analyticsDay), .integer((to + 1) * Self.analyticsDay)]
            report.bestSellers = try database.query(
                """
                SELECT l.sku AS value, COUNT(DISTINCT o.id) AS events, SUM(l.quantity) AS amount FROM order_lines l
                JOIN orders o ON o.id = l.order_id
                WHERE o.status IN (?, ?, ?, ?) AND o.created_at >= ? AND o.created_at < ?
                GROUP BY l.sku ORDER BY amount DESC, l.sku LIMIT ?
                """, statuses + placed + [.int(limit)]
            ).map(Self.count)
            report.discountCodes = try database.query(
                """
                SELECT code AS value, COUNT(*) AS events, SUM(total_minor) AS amount FROM (
                    SELECT DISTINCT d.code, o.id, o.total_minor FROM order_discounts d JOIN orders o ON o.id = d.order_id
                    WHERE d.code IS NOT NULL AND o.status IN (?, ?, ?, ?) AND o.created_at >= ? AND o.created_at < ?
                ) AS coded
                GROUP BY code ORDER BY amount DESC, events DESC, code LIMIT ?
                """, statuses + placed + [.int(limit)]
            ).map(Self.count)
            report.lowStock = try database.query(
                """
                SELECT s.sku AS value, s.on_hand - s.reserved - s.allocated AS amount FROM stock s JOIN variants v ON v.sku = s.sku
                WHERE v.active = 1 AND s.on_hand - s.reserved - s.allocated <= ? ORDER BY amount, s.sku LIMIT ?
                """, [.int(lowStock), .int(limit)]
            ).map(Self.count)
        }
        return report
    }

    /// The analytics' part of the report, read from `analytics` in one snapshot.
    private func visits(from: Int64, to: Int64, limit: Int, in analytics: any Database) throws -> AnalyticsReport {
        let range: [SQLValue] = [.integer(from), .integer(to), .integer(from), .integer(to)]
        var days = Dictionary(
            uniqueKeysWithValues: (from...max(from, to)).map {
                ($0, AnalyticsReport.Day(day: $0, visitors: 0, pageViews: 0, orders: 0, revenue: 0, refunds: 0))
            })
        var funnel = Funnel(counts: [Int](repeating: 0, count: Funnel.steps.count))
        let totals = try analytics.query(
            Self.dailyCounts + "SELECT day, metric, value, events, visitors, amount FROM daily WHERE metric = 'kind' OR metric = 'funnel'",
            range)
        for row in totals {
            let day = try row.int64("day")
            let value = try row.text("value")
            if try row.text("metric") == "funnel" {
                if let step = Funnel.steps.firstIndex(of: value) { funnel.counts[step] += try row.int("visitors") }
            } else if value == AnalyticsEvent.Kind.pageView.rawValue {
                days[day]?.visitors = try row.int("visitors")
                days[day]?.pageViews = try row.int("events")
            } else if value == AnalyticsEvent.Kind.paid.rawValue {
                days[day]?.orders = try row.int("events")
                days[day]?.revenue = try row.int64("amount")
            } else if value == AnalyticsEvent.Kind.refunded.rawValue {
                days[day]?.refunds = try row.int64("amount")
            }
        }
        for day in try pendingDays(from: from, to: to, in: analytics) {
            funnel = funnel + Funnel(reached: try funnelReach(day: day, in: analytics))
        }
        let top = { (metric: String, order: String) in
            try self.top(metric, range, limit, by: order, in: analytics)
        }
        return AnalyticsReport(
            from: from, to: to, days: days.values.sorted { $0.day < $1.day }, funnel: funnel,
            topPages: try top("page", "events"), topProductsViewed: try top("product_viewed", "events"),
            referrers: try top("referrer", "events"), utmSources: try top("utm_source", "events"),
            utmCampaigns: try top("utm_campaign", "events"), campaignRevenue: try top("paid_campaign", "amount"),
            discountCodes: [], emptySearches: try top("search_empty", "events"), bestSellers: [], lowStock: [])
    }

    /// The `limit` most frequent values of `metric` over the days, by events (or `by` amount).
    private func top(
        _ metric: String, _ range: [SQLValue], _ limit: Int, by order: String, in analytics: any Database
    ) throws -> [AnalyticsReport.Count] {
        let sorting = order == "amount" ? "amount DESC, events DESC" : "events DESC, visitors DESC"
        return try analytics.query(
            Self.dailyCounts + """
                SELECT value, SUM(events) AS events, SUM(visitors) AS visitors, SUM(amount) AS amount FROM daily
                WHERE metric = ? GROUP BY value ORDER BY \(sorting), value LIMIT ?
                """, range + [.text(metric), .int(limit)]
        ).map(Self.count)
    }

    private static func count(_ row: Row) throws -> AnalyticsReport.Count {
        AnalyticsReport.Count(
            value: try row.text("value"), events: row.columns.contains("events") ? try row.int("events") : 0,
            visitors: row.columns.contains("visitors") ? try row.int("visitors") : 0, amount: try row.int64("amount"))
    }
}
