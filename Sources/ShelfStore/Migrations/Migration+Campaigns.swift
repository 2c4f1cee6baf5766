extension Migration {
    /// Campaigns with their windows and discount rules, as `shelf build` last synced them from
    /// `content/campaigns/`, and the discounts each order used.
    ///
    /// `discount_rules` has one row per rule of a campaign (`position` in its list): a percent
    /// (basis points) or an amount off, or neither for free shipping alone; `everything = 0`
    /// rules cover only the products in `discount_rule_products`. A rule whose campaign file is
    /// gone, or which the file no longer lists, stays with `active = 0` so orders keep pointing
    /// at it. `shown` is 1 while the published pages show the campaign's sale prices: its
    /// automatic percent rules keep applying after `ends_at` until a build takes them off the
    /// pages, so no page shows a price the cart does not honour. `order_discounts` records what each order took off with which rule; a use of a
    /// limited rule is an order of it that is not cancelled or expired.
    static let campaigns = Migration(name: "campaigns") { dialect in
        [
            """
            CREATE TABLE campaigns (
                handle TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                starts_at BIGINT NULL,
                ends_at BIGINT NULL,
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                shown INTEGER NOT NULL DEFAULT 0 CHECK (shown IN (0, 1)),
                CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
            )
            """,
            """
            CREATE TABLE discount_rules (
                id \(dialect.generatedKey),
                campaign_handle TEXT NOT NULL REFERENCES campaigns (handle),
                position INTEGER NOT NULL CHECK (position > 0),
                percent_bp INTEGER NULL CHECK (percent_bp IS NULL OR (percent_bp > 0 AND percent_bp <= 10000)),
                amount_minor BIGINT NULL CHECK (amount_minor IS NULL OR amount_minor > 0),
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                free_shipping INTEGER NOT NULL CHECK (free_shipping IN (0, 1)),
                minimum_minor BIGINT NULL CHECK (minimum_minor IS NULL OR minimum_minor > 0),
                code TEXT NULL CHECK (code IS NULL OR (length(code) > 0 AND code = upper(code))),
                usage_limit INTEGER NULL CHECK (usage_limit IS NULL OR usage_limit > 0),
                customer_limit INTEGER NULL CHECK (customer_limit IS NULL OR customer_limit > 0),
                combines INTEGER NOT NULL CHECK (combines IN (0, 1)),
                everything INTEGER NOT NULL CHECK (everything IN (0, 1)),
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                UNIQUE (campaign_handle, position),
                CHECK (percent_bp IS NULL OR amount_minor IS NULL),
                CHECK (percent_bp IS NOT NULL OR amount_minor IS NOT NULL OR free_shipping = 1)
            )
            """,
            "CREATE INDEX discount_rules_by_code ON discount_rules (code)",
            """
            CREATE TABLE discount_rule_products (
                rule_id BIGINT NOT NULL REFERENCES discount_rules (id) ON DELETE CASCADE,
                product_handle TEXT NOT NULL,
                PRIMARY KEY (rule_id, product_handle)
            )
            """,
            """
            CREATE TABLE order_discounts (
                id \(dialect.generatedKey),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                rule_id BIGINT NULL REFERENCES discount_rules (id),
                campaign_handle TEXT NULL,
                code TEXT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0)
            )
            """,
            "CREATE INDEX order_discounts_by_order ON order_discounts (order_id)",
            "CREATE INDEX order_discounts_by_rule ON order_discounts (rule_id, order_id)",
        ]
    }
}
