public import ShelfCore

extension Store {
    /// Every campaign the database knows, by handle, with its orders, revenue and discounts.
    public func campaignReports(currency: Currency) throws -> [CampaignReport] {
        let campaigns = try database.query("SELECT handle, title, starts_at, ends_at, active FROM campaigns ORDER BY handle")
        let used = try database.query(
            """
            SELECT d.campaign_handle, d.order_id, d.amount_minor, o.total_minor, o.status FROM order_discounts d
            JOIN orders o ON o.id = d.order_id
            WHERE d.campaign_handle IS NOT NULL AND o.status NOT IN ('cancelled', 'expired')
            """)
        var orders: [String: Set<Int64>] = [:]
        var revenue: [String: Int64] = [:]
        var given: [String: Int64] = [:]
        for row in used {
            let handle = try row.text("campaign_handle")
            given[handle, default: 0] += try row.int64("amount_minor")
            guard orders[handle, default: []].insert(try row.int64("order_id")).inserted else { continue }
            let status = OrderStatus(rawValue: try row.text("status"))
            if let status, !status.isAwaitingPayment { revenue[handle, default: 0] += try row.int64("total_minor") }
        }
        return try campaigns.map { row in
            let handle = try row.text("handle")
            return CampaignReport(
                handle: handle, title: try row.text("title"),
                window: CampaignWindow(starts: try row.optionalInt64("starts_at"), ends: try row.optionalInt64("ends_at")),
                isActive: try row.bool("active"), orders: orders[handle]?.count ?? 0,
                revenue: Money(minorUnits: revenue[handle] ?? 0, currency: currency),
                discountGiven: Money(minorUnits: given[handle] ?? 0, currency: currency))
        }
    }
}
