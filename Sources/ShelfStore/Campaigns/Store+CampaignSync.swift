public import ShelfCore

extension Store {
    /// Makes the database's campaigns and rules those of `campaigns`: new ones added, changed
    /// ones updated in place (orders keep pointing at their rule), and the ones no longer in the
    /// content kept inactive. Campaigns in `showing` are marked as shown on the pages before
    /// the pages are published; ``markShown(_:)`` settles the mark once they are.
    public func syncCampaigns(_ campaigns: [CampaignRecord], currency: Currency, showing: Set<String> = []) throws {
        try database.transaction {
            _ = try database.execute("UPDATE campaigns SET active = 0", [])
            _ = try database.execute("UPDATE discount_rules SET active = 0", [])
            for campaign in campaigns {
                _ = try database.execute(
                    """
                    INSERT INTO campaigns (handle, title, starts_at, ends_at, active) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (handle) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at,
                        ends_at = excluded.ends_at, active = 1
                    """,
                    [.text(campaign.handle), .text(campaign.title), .integer(campaign.window.starts), .integer(campaign.window.ends)])
                for rule in campaign.rules { try upsert(rule, currency: currency) }
                if showing.contains(campaign.handle) {
                    _ = try database.execute("UPDATE campaigns SET shown = 1 WHERE handle = ?", [.text(campaign.handle)])
                }
            }
        }
    }

    /// Records that the published pages now show exactly the campaigns in `showing`.
    public func markShown(_ showing: Set<String>) throws {
        try database.transaction {
            for row in try database.query("SELECT handle FROM campaigns WHERE shown = 1") {
                let handle = try row.text("handle")
                if !showing.contains(handle) {
                    _ = try database.execute("UPDATE campaigns SET shown = 0 WHERE handle = ?", [.text(handle)])
                }
            }
            for handle in showing.sorted() {
                _ = try database.execute("UPDATE campaigns SET shown = 1 WHERE handle = ?", [.text(handle)])
            }
        }
    }

    private func upsert(_ rule: DiscountRule, currency: Currency) throws {
        var percent: Int?
        var amount: Money?
        switch rule.off {
        case .percent(let rate): percent = rate.basisPoints
        case .amount(let money): amount = money
        case .nothing: break
        }
        let everything: Bool
        let handles: Set<String>
        switch rule.scope {
        case .everything: (everything, handles) = (true, [])
        case .products(let set): (everything, handles) = (false, set)
        }
        let rows = try database.query(
            """
            INSERT INTO discount_rules (campaign_handle, position, percent_bp, amount_minor, currency, free_shipping, minimum_minor,
                code, usage_limit, customer_limit, combines, everything, active)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (campaign_handle, position) DO UPDATE SET percent_bp = excluded.percent_bp,
                amount_minor = excluded.amount_minor, currency = excluded.currency, free_shipping = excluded.free_shipping,
                minimum_minor = excluded.minimum_minor, code = excluded.code, usage_limit = excluded.usage_limit,
                customer_limit = excluded.customer_limit, combines = excluded.combines, everything = excluded.everything, active = 1
            RETURNING id
            """,
            [
                .text(rule.campaign), .int(rule.position), percent.map { .int($0) } ?? .null, .integer(amount?.minorUnits),
                .text(currency.code), .bool(rule.freeShipping), .integer(rule.minimumSubtotal?.minorUnits), .text(rule.code),
                rule.limit.map { .int($0) } ?? .null, rule.limitPerCustomer.map { .int($0) } ?? .null, .bool(rule.combines),
                .bool(everything),
            ])
        let id = try rows[0].int64("id")
        _ = try database.execute("DELETE FROM discount_rule_products WHERE rule_id = ?", [.integer(id)])
        for handle in handles.sorted() {
            _ = try database.execute(
                "INSERT INTO discount_rule_products (rule_id, product_handle) VALUES (?, ?)", [.integer(id), .text(handle)])
        }
    }
}
