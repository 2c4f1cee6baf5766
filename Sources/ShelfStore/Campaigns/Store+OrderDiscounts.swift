public import ShelfCore

extension Store {
    /// Records the discounts of a new order inside its placing transaction, first checking each
    /// campaign rule again: still active, running at `now`, and under its limits counting the
    /// orders placed so far. The rule's row is locked while it is counted, so two orders racing
    /// for the last use take turns and the second sees the first.
    func recordDiscounts(_ discounts: [UsedDiscount], orderID: Int64, email: String, now: Int64) throws {
        for used in discounts {
            if let ruleID = used.ruleID {
                let name = used.code ?? used.campaign ?? "#\(ruleID)"
                let rows = try database.query(
                    """
                    SELECT r.usage_limit, r.customer_limit, c.starts_at, c.ends_at, r.active, c.active AS campaign_active,
                        CASE WHEN c.shown = 1 AND \(Self.salePrice) THEN 1 ELSE 0 END AS shown_on_pages
                    FROM discount_rules r JOIN campaigns c ON c.handle = r.campaign_handle WHERE r.id = ?\(database.dialect.forUpdate)
                    """, [.integer(ruleID)])
                guard let row = rows.first, try row.bool("active"), try row.bool("campaign_active") else {
                    throw OrderError.discountUnavailable(name)
                }
                let window = CampaignWindow(starts: try row.optionalInt64("starts_at"), ends: try row.optionalInt64("ends_at"))
                let status = window.status(at: now)
                let shownOnPages = try row.bool("shown_on_pages")
                guard status == .running || status == .ended && shownOnPages else {
                    throw OrderError.discountUnavailable(name)
                }
                if let limit = try row.optionalInt64("usage_limit"), try uses(ofDiscount: ruleID) >= limit {
                    throw OrderError.discountUnavailable(name)
                }
                if let limit = try row.optionalInt64("customer_limit"), try uses(ofDiscount: ruleID, email: email) >= limit {
                    throw OrderError.discountUnavailable(name)
                }
            }
            _ = try database.execute(
                "INSERT INTO order_discounts (order_id, rule_id, campaign_handle, code, amount_minor) VALUES (?, ?, ?, ?, ?)",
                [.integer(orderID), .integer(used.ruleID), .text(used.campaign), .text(used.code), .integer(used.amount.minorUnits)])
        }
    }

    /// The code or campaign title of each discount an order used, in the order they applied.
    func discountNames(ofOrder orderID: Int64) throws -> [String] {
        try database.query(
            """
            SELECT COALESCE(d.code, c.title, d.campaign_handle) AS name FROM order_discounts d
            LEFT JOIN campaigns c ON c.handle = d.campaign_handle WHERE d.order_id = ? ORDER BY d.id
            """, [.integer(orderID)]
        ).compactMap { try $0.optionalText("name") }
    }

    /// The discounts an order used, in the order they applied.
    public func discounts(ofOrder orderID: Int64, currency: Currency) throws -> [UsedDiscount] {
        try database.query(
            "SELECT rule_id, campaign_handle, code, amount_minor FROM order_discounts WHERE order_id = ? ORDER BY id",
            [.integer(orderID)]
        ).map { row in
            UsedDiscount(
                ruleID: try row.optionalInt64("rule_id"), campaign: try row.optionalText("campaign_handle"),
                code: try row.optionalText("code"), amount: Money(minorUnits: try row.int64("amount_minor"), currency: currency))
        }
    }
}
