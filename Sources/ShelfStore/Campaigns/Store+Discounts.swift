public import ShelfCore

extension Store {
    /// The discounts running at `now` that a cart can get: every automatic one, and the one
    /// whose code is `code` (upper case).
    public func runningDiscounts(at now: Int64, code: String?, currency: Currency) throws -> [StoredDiscount] {
        let rows = try database.query(
            Self.ruleQuery + """
                 WHERE r.active = 1 AND c.active = 1 AND (c.starts_at IS NULL OR c.starts_at <= ?)
                    AND (c.ends_at IS NULL OR c.ends_at > ? OR (c.shown = 1 AND \(Self.salePrice)))
                    AND (r.code IS NULL OR r.code = ?)
                ORDER BY r.campaign_handle, r.position
                """, [.integer(now), .integer(now), .text(code)])
        return try rows.map { try discount(from: $0, currency: currency) }
    }

    /// The active rule with this code (upper case), whatever its window; nil when none.
    public func discount(code: String, currency: Currency) throws -> StoredDiscount? {
        let rows = try database.query(
            Self.ruleQuery + " WHERE r.active = 1 AND c.active = 1 AND r.code = ? ORDER BY r.id LIMIT 1", [.text(code)])
        return try rows.first.map { try discount(from: $0, currency: currency) }
    }

    /// Orders that used the rule and still count (neither cancelled nor expired); only those of
    /// `email` when given.
    public func uses(ofDiscount id: Int64, email: String? = nil) throws -> Int {
        let counted = """
            SELECT COUNT(*) AS uses FROM order_discounts d JOIN orders o ON o.id = d.order_id
            WHERE d.rule_id = ? AND o.status NOT IN ('cancelled', 'expired')
            """
        let rows =
            if let email {
                try database.query(counted + " AND lower(o.email) = lower(?)", [.integer(id), .text(email)])
            } else {
                try database.query(counted, [.integer(id)])
            }
        return try rows[0].int("uses")
    }

    /// A rule pages show as sale prices: automatic, a percentage, no minimum and no limits. It
    /// runs on past its campaign's end while the campaign is `shown`.
    static let salePrice = """
        r.code IS NULL AND r.percent_bp IS NOT NULL AND r.minimum_minor IS NULL AND r.usage_limit IS NULL
        AND r.customer_limit IS NULL
        """

    private static let ruleQuery = """
        SELECT r.id, r.campaign_handle, r.position, r.percent_bp, r.amount_minor, r.free_shipping, r.minimum_minor, r.code,
            r.usage_limit, r.customer_limit, r.combines, r.everything, c.starts_at, c.ends_at, c.title, c.shown
        FROM discount_rules r JOIN campaigns c ON c.handle = r.campaign_handle
        """

    private func discount(from row: Row, currency: Currency) throws -> StoredDiscount {
        let id = try row.int64("id")
        let off: DiscountRule.Off =
            if let points = try row.optionalInt64("percent_bp") {
                .percent(Rate(basisPoints: Int(points)))
            } else if let amount = try row.optionalInt64("amount_minor") {
                .amount(Money(minorUnits: amount, currency: currency))
            } else {
                .nothing
            }
        var scope = DiscountRule.Scope.everything
        if try !row.bool("everything") {
            let handles = try database.query(
                "SELECT product_handle FROM discount_rule_products WHERE rule_id = ?", [.integer(id)])
            scope = .products(Set(try handles.map { try $0.text("product_handle") }))
        }
        let rule = DiscountRule(
            campaign: try row.text("campaign_handle"), position: try row.int("position"), off: off, scope: scope,
            freeShipping: try row.bool("free_shipping"),
            minimumSubtotal: try row.optionalInt64("minimum_minor").map { Money(minorUnits: $0, currency: currency) },
            code: try row.optionalText("code"), limit: try row.optionalInt64("usage_limit").map { Int($0) },
            limitPerCustomer: try row.optionalInt64("customer_limit").map { Int($0) }, combines: try row.bool("combines"),
            window: CampaignWindow(starts: try row.optionalInt64("starts_at"), ends: try row.optionalInt64("ends_at")))
        return StoredDiscount(id: id, rule: rule, title: try row.text("title"))
    }
}
