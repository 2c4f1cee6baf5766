extension Migration {
    /// At most one order of a session waits for its card payment, in the schema: a second press
    /// of "Continue to payment" reuses or replaces that order instead of reserving the stock again.
    ///
    /// Older stores may hold several such orders of one session; all but the newest are detached
    /// from the session first (they keep their stock until they expire, as before), so the unique
    /// index can be built without losing a row.
    static let openOrders = Migration(name: "open_orders") { _ in
        [
            """
            UPDATE orders SET session_id = NULL
            WHERE status = 'pending_payment' AND session_id IS NOT NULL
                AND id < (SELECT MAX(newer.id) FROM orders newer
                    WHERE newer.session_id = orders.session_id AND newer.status = 'pending_payment')
            """,
            "CREATE UNIQUE INDEX orders_one_pending_per_session ON orders (session_id) WHERE status = 'pending_payment'",
        ]
    }

    /// The provider's id of the money a payment took (Stripe's payment intent), which its
    /// refund events name: a refund is recorded only against the order whose payment it is.
    static let paymentCharges = Migration(name: "payment_charges") { _ in
        ["ALTER TABLE payments ADD COLUMN charge TEXT NULL"]
    }
}
