/// The merchant's side of accounts (`shelf customers`): list, look at, unlock and change the
/// role of an account (erasing one is ``eraseCustomer(_:now:)``, shared with the dashboard).
/// Each takes an email as typed and finds the account the way a login does (trimmed,
/// lower-cased); an unknown address answers nil.
///
/// An account's orders are the orders placed with its email once that email is confirmed, in
/// any letter case: guest orders from before the account too, none while it is unconfirmed.
extension Store {
    /// Every account, oldest first, with its order count; with `lockedOnly`, the locked ones.
    public func customers(lockedOnly: Bool = false) throws -> [CustomerListing] {
        try database.query(
            """
            SELECT \(Customer.columns),
                CASE WHEN confirmed_at IS NULL THEN 0
                    ELSE (SELECT COUNT(*) FROM orders WHERE lower(trim(orders.email)) = customers.email) END AS orders
            FROM customers WHERE (? = 0 OR locked_at IS NOT NULL) ORDER BY created_at, id
            """, [.integer(lockedOnly ? 1 : 0)]
        ).map(CustomerListing.init)
    }

    /// The account of `email` with its live sessions at `now` and its orders.
    public func customerDetails(email: String, now: Int64) throws -> CustomerDetails? {
        guard let customer = try customer(email: email) else { return nil }
        let sessions = try database.query(
            "SELECT COUNT(*) AS n FROM sessions WHERE customer_id = ? AND expires_at > ?", [.integer(customer.id), .integer(now)])
        let orders =
            customer.isConfirmed
            ? try database.query(
                "SELECT \(OrderSummary.columns) FROM orders WHERE lower(trim(orders.email)) = ? ORDER BY id DESC", [.text(customer.email)]
            ).map(OrderSummary.init) : []
        return CustomerDetails(customer: customer, liveSessions: try sessions[0].int("n"), orders: orders)
    }

    /// Unlocks the account of `email` and clears its failed logins, as its unlock link would.
    /// Returns the account as it was before, so the caller can say what changed.
    @discardableResult
    public func unlockCustomer(email: String) throws -> Customer? {
        try database.transaction {
            guard let customer = try customer(email: email) else { return nil }
            try database.execute("UPDATE customers SET locked_at = NULL, failed_logins = 0 WHERE id = ?", [.integer(customer.id)])
            return customer
        }
    }

    /// Gives the account of `email` the role `role`; its sessions keep going, and a guard that
    /// reads the role on each request sees the change at once. Returns the account as it was
    /// before.
    @discardableResult
    public func setRole(_ role: Customer.Role, email: String) throws -> Customer? {
        try database.transaction {
            guard let customer = try customer(email: email) else { return nil }
            try database.execute("UPDATE customers SET role = ? WHERE id = ?", [.text(role.rawValue), .integer(customer.id)])
            return customer
        }
    }
}
