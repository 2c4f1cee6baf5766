extension Store {
    /// What erased orders keep in place of the shopper's name, address and email (`street2` and
    /// `phone` become empty, the postal code empty). The email is in the reserved `.invalid`
    /// domain, so nothing can ever be delivered to it.
    public enum ErasedOrder {
        public static let name = "Erased customer"
        public static let email = "erased@invalid"
        public static let street = "Erased"
        public static let city = "Erased"
        /// The outbox's `last_error` of an order email that erasure stopped.
        public static let notSent = "not sent: the customer's personal data was erased"
    }

    /// Erases the account `id` and the personal data kept with it (GDPR), for the shopper's
    /// "Delete my account" and the merchant's `shelf customers delete` alike; nil when there is
    /// no such account.
    ///
    /// In one transaction:
    /// - when the account's email is confirmed, the orders placed with it — the same orders as
    ///   ``orderHistory(ofCustomer:)``, guest orders from before the account included — are kept
    ///   for accounting with `name`, `street`, `city` and `email` replaced by the placeholders of
    ///   ``ErasedOrder`` and `street2`, `postal_code` and `phone` emptied; the country, lines,
    ///   amounts, payments and events stay, as tax records need them; `updated_at` is `now`. Their
    ///   emails already sent stay in the outbox as the record of what was sent, addressed to the
    ///   placeholder; those still pending are cancelled (`failed`, ``ErasedOrder/notSent``). The
    ///   checkouts in progress typed with the address are deleted, and so is the address's
    ///   newsletter subscription with its consent records and back-in-stock requests;
    /// - the account emails addressed to the account (sent or pending), and the links of an email
    ///   change it asked for, leave the outbox: nothing more is sent about an account that is gone;
    /// - the customer row is deleted, and with it (foreign keys) its sessions (their carts and
    ///   checkouts), links and codes (`account_tokens`, `sign_in_codes`), its TOTP secret and
    ///   recovery codes, pending logins, failed logins and saved addresses; orders of those
    ///   sessions lose only their `session_id`.
    ///
    /// An unconfirmed account never proved its address: the orders, order emails and checkouts
    /// of that address are left alone.
    ///
    /// ```swift
    /// let erasure = try store.eraseCustomer(customer.id, now: now)
    /// ```
    @discardableResult
    public func eraseCustomer(_ id: Int64, now: Int64) throws -> CustomerErasure? {
        try database.transaction {
            guard let customer = try customer(id: id) else { return nil }
            let address = SQLValue.text(customer.email)
            var orderIDs: [Int64] = []
            var cancelled = 0
            if customer.isConfirmed {
                cancelled = try database.execute(
                    """
                    UPDATE outbox SET status = 'failed', claimed_until = NULL, claimed_by = NULL, last_error = ?
                    WHERE status = 'pending' AND order_id IN (SELECT id FROM orders WHERE lower(trim(email)) = ?)
                    """, [.text(ErasedOrder.notSent), address])
                try database.execute(
                    "UPDATE outbox SET recipient = ? WHERE order_id IN (SELECT id FROM orders WHERE lower(trim(email)) = ?)",
                    [.text(ErasedOrder.email), address])
                orderIDs = try database.query(
                    """
                    UPDATE orders SET name = ?, email = ?, street = ?, street2 = NULL, city = ?, postal_code = '', phone = NULL,
                        updated_at = ?
                    WHERE lower(trim(email)) = ? RETURNING id
                    """,
                    [
                        .text(ErasedOrder.name), .text(ErasedOrder.email), .text(ErasedOrder.street), .text(ErasedOrder.city),
                        .integer(now), address,
                    ]
                ).map { try $0.int64("id") }.sorted()
                // Checkouts in progress typed with the address, in sessions not logged in.
                try database.execute("DELETE FROM checkout_drafts WHERE lower(trim(email)) = ?", [address])
                // The mailing list's record of the address: topics, consents, links and
                // back-in-stock requests go with it (foreign keys).
                try database.execute("DELETE FROM subscribers WHERE email = ?", [address])
            }
            let erased = try database.execute(
                """
                DELETE FROM outbox WHERE order_id IS NULL AND (recipient = ? OR (template = ? AND recipient IN
                    (SELECT new_email FROM account_tokens WHERE customer_id = ? AND new_email IS NOT NULL)))
                """, [address, .text(Email.accountEmailConfirm.rawValue), .integer(customer.id)])
            let sessions = try database.execute("DELETE FROM sessions WHERE customer_id = ?", [.integer(customer.id)])
            try database.execute("DELETE FROM customers WHERE id = ?", [.integer(customer.id)])
            return CustomerErasure(
                customer: customer, sessionsEnded: sessions, ordersKept: orderIDs, emailsErased: erased, emailsCancelled: cancelled)
        }
    }
}
