extension Migration {
    /// Orders, their lines and history, payments, refunds, processed webhook events, and stock
    /// that orders hold.
    ///
    /// Stock gains `reserved` (held by orders awaiting payment) and `allocated` (held by paid
    /// orders) with the invariant `reserved + allocated <= on_hand` in the schema, so no code
    /// path can sell what is not on the shelf. A table CHECK cannot be added to an existing
    /// table in SQLite, so `stock` is rebuilt: created anew, copied, dropped and renamed, its
    /// index recreated; nothing refers to `stock`, and every statement is one PostgreSQL runs too.
    ///
    /// Order statuses live in `order_statuses` rather than in a CHECK: `orders` is the parent of
    /// four tables, which SQLite cannot rebuild inside a migration's transaction, so a later
    /// status (`shipped`) is one migration inserting its name. Money is `BIGINT` minor units;
    /// times are Unix seconds. `order_lines.hold` says what each line holds of the stock, so
    /// `stock.reserved` is the sum over lines holding `reserved`, and likewise `allocated`.
    static let orders = Migration(name: "orders") { dialect in
        [
            """
            CREATE TABLE stock_new (
                sku TEXT PRIMARY KEY REFERENCES variants (sku),
                on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
                reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
                allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),
                version BIGINT NOT NULL,
                CHECK (reserved + allocated <= on_hand)
            )
            """,
            "INSERT INTO stock_new (sku, on_hand, version) SELECT sku, on_hand, version FROM stock",
            "DROP TABLE stock",
            "ALTER TABLE stock_new RENAME TO stock",
            "CREATE INDEX stock_by_version ON stock (version)",
            "CREATE TABLE order_statuses (name TEXT PRIMARY KEY)",
            """
            INSERT INTO order_statuses (name)
            VALUES ('pending_payment'), ('awaiting_payment'), ('paid'), ('cancelled'), ('expired')
            """,
            """
            CREATE TABLE orders (
                id \(dialect.generatedKey),
                status TEXT NOT NULL REFERENCES order_statuses (name),
                session_id BIGINT NULL REFERENCES sessions (id) ON DELETE SET NULL,
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                street2 TEXT NULL,
                city TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                country TEXT NOT NULL CHECK (length(country) = 2),
                phone TEXT NULL,
                shipping_method_id TEXT NOT NULL,
                shipping_name TEXT NOT NULL,
                shipping_minor BIGINT NOT NULL CHECK (shipping_minor >= 0),
                subtotal_minor BIGINT NOT NULL CHECK (subtotal_minor >= 0),
                discount_minor BIGINT NOT NULL CHECK (discount_minor >= 0 AND discount_minor <= subtotal_minor),
                discount_code TEXT NULL,
                tax_minor BIGINT NOT NULL CHECK (tax_minor >= 0),
                tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp >= 0 AND tax_rate_bp <= 10000),
                tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
                total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                provider TEXT NOT NULL,
                reserved_until BIGINT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                CHECK (total_minor = subtotal_minor - discount_minor + shipping_minor
                    + CASE WHEN tax_mode = 'exclusive' THEN tax_minor ELSE 0 END)
            )
            """,
            "CREATE INDEX orders_by_status_and_expiry ON orders (status, reserved_until)",
            "CREATE INDEX orders_by_session ON orders (session_id)",
            """
            CREATE TABLE order_lines (
                order_id BIGINT NOT NULL REFERENCES orders (id),
                position INTEGER NOT NULL CHECK (position > 0),
                sku TEXT NOT NULL REFERENCES variants (sku),
                title TEXT NOT NULL,
                options TEXT NOT NULL,
                unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                line_total_minor BIGINT NOT NULL CHECK (line_total_minor = unit_price_minor * quantity),
                hold TEXT NOT NULL CHECK (hold IN ('reserved', 'allocated', 'released', 'short')),
                PRIMARY KEY (order_id, position)
            )
            """,
            "CREATE INDEX order_lines_by_sku ON order_lines (sku, hold)",
            """
            CREATE TABLE order_events (
                id \(dialect.generatedKey),
                order_id BIGINT NOT NULL REFERENCES orders (id),
                at BIGINT NOT NULL,
                status TEXT NOT NULL REFERENCES order_statuses (name),
                note TEXT NOT NULL
            )
            """,
            "CREATE INDEX order_events_by_order ON order_events (order_id, id)",
            """
            CREATE TABLE payments (
                id \(dialect.generatedKey),
                order_id BIGINT NOT NULL REFERENCES orders (id),
                provider TEXT NOT NULL,
                reference TEXT NULL,
                attempt INTEGER NOT NULL CHECK (attempt > 0),
                status TEXT NOT NULL
                    CHECK (status IN ('pending', 'succeeded', 'failed', 'partially_refunded', 'refunded')),
                authorized_minor BIGINT NOT NULL DEFAULT 0,
                captured_minor BIGINT NOT NULL DEFAULT 0,
                refunded_minor BIGINT NOT NULL DEFAULT 0,
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (order_id, attempt),
                UNIQUE (provider, reference),
                CHECK (0 <= refunded_minor AND refunded_minor <= captured_minor AND captured_minor <= authorized_minor)
            )
            """,
            """
            CREATE TABLE refunds (
                id \(dialect.generatedKey),
                payment_id BIGINT NOT NULL REFERENCES payments (id),
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                reference TEXT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (payment_id, reference)
            )
            """,
            """
            CREATE TABLE webhook_events (
                provider TEXT NOT NULL,
                event_id TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                PRIMARY KEY (provider, event_id)
            )
            """,
        ]
    }
}
