extension Migration {
    /// Shipments: the parcels a paid order leaves in, with their carrier, tracking numbers and
    /// the units of each line they carry.
    ///
    /// Order lines gain `shipped` and `missing` (units that left, units the merchant could not
    /// find when picking), so a line's allocated stock is `quantity - shipped - missing` while it
    /// holds `allocated`. Shipping or losing a unit takes it off the shelf (`on_hand`) and out of
    /// `allocated` together, so what can be sold does not change.
    static let fulfilment = Migration(name: "fulfilment") { dialect in
        [
            "INSERT INTO order_statuses (name) VALUES ('partially_shipped'), ('shipped'), ('delivered')",
            "ALTER TABLE order_lines ADD COLUMN shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0)",
            "ALTER TABLE order_lines ADD COLUMN missing INTEGER NOT NULL DEFAULT 0 CHECK (missing >= 0)",
            """
            CREATE TABLE shipments (
                id \(dialect.generatedKey),
                order_id BIGINT NOT NULL REFERENCES orders (id),
                carrier TEXT NOT NULL CHECK (length(carrier) > 0),
                shipped_at BIGINT NOT NULL,
                delivered_at BIGINT NULL
            )
            """,
            "CREATE INDEX shipments_by_order ON shipments (order_id, id)",
            """
            CREATE TABLE shipment_tracking (
                shipment_id BIGINT NOT NULL REFERENCES shipments (id),
                position INTEGER NOT NULL CHECK (position > 0),
                number TEXT NOT NULL CHECK (length(number) > 0),
                PRIMARY KEY (shipment_id, position)
            )
            """,
            """
            CREATE TABLE shipment_lines (
                shipment_id BIGINT NOT NULL REFERENCES shipments (id),
                order_id BIGINT NOT NULL,
                position INTEGER NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                PRIMARY KEY (shipment_id, position),
                FOREIGN KEY (order_id, position) REFERENCES order_lines (order_id, position)
            )
            """,
        ]
    }

    /// The outbox: every email the store owes, written in the transaction of the change that
    /// causes it and delivered afterwards by `shelf mail deliver`.
    ///
    /// A row names what to send (`template`, about `order_id`, to `recipient`, with `data` the
    /// change carried, as JSON) rather than the rendered message, so the deliverer renders it with
    /// the theme and the secrets the store's functions hold. A deliverer claims a row for a while (`claimed_until`) before sending, so
    /// two deliverers never send one message at once; a failure schedules `next_attempt_at`.
    /// `subject` is the subject it was last rendered with, for the sent log.
    static let outbox = Migration(name: "outbox") { dialect in
        [
            """
            CREATE TABLE outbox (
                id \(dialect.generatedKey),
                template TEXT NOT NULL,
                order_id BIGINT NULL REFERENCES orders (id),
                recipient TEXT NOT NULL,
                data TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                next_attempt_at BIGINT NOT NULL,
                claimed_until BIGINT NULL,
                last_error TEXT NULL,
                subject TEXT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT NULL
            )
            """,
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
            "CREATE INDEX outbox_by_order ON outbox (order_id)",
        ]
    }

    /// Who holds an outbox claim (`claimed_by`, a deliverer process named by
    /// `OutboxClaimHolder`): a deliverer that finds the holder's process gone takes its messages
    /// over at once, instead of waiting for `claimed_until` to pass.
    static let outboxClaimHolder = Migration(
        name: "outbox_claim_holder", statements: ["ALTER TABLE outbox ADD COLUMN claimed_by TEXT NULL"])
}
