extension Store {
    /// The orders placed with the email of the account `customerID`, newest first, once that
    /// email is confirmed: guest orders from before the account existed included, since the
    /// confirmation proved the address. Empty for an unknown or unconfirmed account.
    ///
    /// ```swift
    /// let history = try store.orderHistory(ofCustomer: customer.id)
    /// ```
    public func orderHistory(ofCustomer customerID: Int64) throws -> [OrderSummary] {
        try database.query(
            """
            SELECT id, status, email, name, total_minor, currency, created_at,
                (SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE order_id = orders.id) AS items
            FROM orders
            WHERE lower(trim(email)) = (SELECT email FROM customers WHERE id = ? AND confirmed_at IS NOT NULL)
            ORDER BY created_at DESC, id DESC
            """, [.integer(customerID)]
        ).map(OrderSummary.init)
    }
}
