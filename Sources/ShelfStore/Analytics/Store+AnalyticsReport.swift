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

    /// The analytics' part of the report, read from `analytics` in one snapshot: the days'
    /// totals and every top list come from one query, so the events no rollup has seen yet are
    /// counted once, not once per list.
    private func visits(from: Int64, to: Int64, limit: Int, in analytics: any Database) throws -> AnalyticsReport {
        var days = Dictionary(
            uniqueKeysWithValues: (from...max(from, to)).map {
                ($0, AnalyticsReport.Day(day: $0, visitors: 0, pageViews: 0, orders: 0, revenue: 0, refunds: 0))
            })
        var funnel = Funnel(counts: [Int](repeating: 0, count: Funnel.steps.count))
        var tops: [String: [AnalyticsReport.Count]] = [:]
        let range: [SQLValue] = [.integer(from), .integer(to), .integer(from), .integer(to)]
        for row in try analytics.query(Self.dailyCounts + Self.totalsAndTops, range + [.int(limit)]) {
            let value = try row.text("value")
            let metric = try row.text("metric")
            guard try row.text("part") == "day" else {
                tops[metric, default: []].append(try Self.count(row))
                continue
            }
            let day = try row.int64("day")
            if metric == "funnel" {
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
        return AnalyticsReport(
            from: from, to: to, days: days.values.sorted { $0.day < $1.day }, funnel: funnel,
            topPages: tops["page"] ?? [], topProductsViewed: tops["product_viewed"] ?? [],
            referrers: tops["referrer"] ?? [], utmSources: tops["utm_source"] ?? [],
            utmCampaigns: tops["utm_campaign"] ?? [], campaignRevenue: tops["paid_campaign"] ?? [],
            discountCodes: [], emptySearches: tops["search_empty"] ?? [], bestSellers: [], lowStock: [])
    }

    /// After ``dailyCounts``: the rows of each day's totals (`part` 'day': the counts per kind
    /// and the funnel), then the `limit` (its one argument) most frequent values of each listed
    /// metric over the days (`part` 'top', in order): by events, then visitors, then value; the
    /// campaigns' revenue by amount, then events, then value.
    private static let totalsAndTops = """
        SELECT 'day' AS part, day, metric, value, events, visitors, amount, 0 AS place FROM daily
        WHERE metric = 'kind' OR metric = 'funnel'
        UNION ALL
        SELECT 'top' AS part, 0 AS day, metric, value, events, visitors, amount, place FROM (
            SELECT metric, value, events, visitors, amount, ROW_NUMBER() OVER (
                PARTITION BY metric ORDER BY
                    CASE WHEN metric = 'paid_campaign' THEN amount ELSE events END DESC,
                    CASE WHEN metric = 'paid_campaign' THEN events ELSE visitors END DESC, value
            ) AS place FROM (
                SELECT metric, value, SUM(events) AS events, SUM(visitors) AS visitors, SUM(amount) AS amount FROM daily
                WHERE metric IN ('page', 'product_viewed', 'referrer', 'utm_source', 'utm_campaign', 'paid_campaign', 'search_empty')
                GROUP BY metric, value
            ) AS summed
        ) AS ranked
        WHERE place <= ?
        ORDER BY part, metric, place
        """

    private static func count(_ row: Row) throws -> AnalyticsReport.Count {
        AnalyticsReport.Count(
            value: try row.text("value"), events: row.columns.contains("events") ? try row.int("events") : 0,
            visitors: row.columns.contains("visitors") ? try row.int("visitors") : 0, amount: try row.int64("amount"))
    }
}
