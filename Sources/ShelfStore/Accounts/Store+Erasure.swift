extension Store {
    /// What erased orders keep in place of the shopper's name, address, phone and email.
    public enum ErasedOrder {
        public static let name = "Erased customer"
        public static let email = "erased@invalid"
        public static let street = "Erased"
        public static let city = "Erased"
    }

    /// Erases the account `id` (GDPR): returns whether there was one.
    ///
    /// In one transaction:
    /// - the orders placed with the account's email — only when that email is confirmed, the
    ///   same orders as ``orderHistory(ofCustomer:)`` — are kept for the accounts, with `name`,
    ///   `street`, `street2`, `city`, `postal_code`, `phone` and `email` replaced by the
    ///   placeholders of ``ErasedOrder`` (`street2` and `phone` empty); the country, lines,
    ///   amounts, payments and events stay, as tax records need them; `updated_at` is `now`;
    /// - the customer row is deleted, and with it (foreign keys) every session of the account
    ///   (their carts and checkouts in progress), its links (`account_tokens`), its failed logins
    ///   and its saved addresses; orders of those sessions lose only their `session_id`.
    ///
    /// The outbox is left as it is: it is the record of mail already sent.
    ///
    /// ```swift
    /// try store.eraseCustomer(customer.id, now: now)
    /// ```
    @discardableResult
    public func eraseCustomer(_ id: Int64, now: Int64) throws -> Bool {
        try database.transaction {
            guard let customer = try customer(id: id) else { return false }
            if customer.isConfirmed {
                try database.execute(
                    """
                    UPDATE orders SET name = ?, email = ?, street = ?, street2 = NULL, city = ?, postal_code = '', phone = NULL,
                        updated_at = ?
                    WHERE lower(trim(email)) = ?
                    """,
                    [
                        .text(ErasedOrder.name), .text(ErasedOrder.email), .text(ErasedOrder.street), .text(ErasedOrder.city),
                        .integer(now), .text(customer.email),
                    ])
            }
            try database.execute("DELETE FROM customers WHERE id = ?", [.integer(id)])
            return true
        }
    }
}
