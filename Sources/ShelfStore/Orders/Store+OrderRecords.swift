import ShelfCore

/// Rows every order operation writes or reads inside its transaction.
extension Store {
    /// The order with `id`; throws ``OrderError/unknownOrder(_:)`` when there is none.
    func existingOrder(_ id: Int64) throws -> Order {
        // Locked (on PostgreSQL) until the transaction ends: every caller decides on the status
        // it reads, and a concurrent change of the order must wait for that decision.
        let sql = "SELECT \(Order.columns) FROM orders WHERE id = ?\(database.dialect.forUpdate)"
        guard let row = try database.query(sql, [.integer(id)]).first else {
            throw OrderError.unknownOrder(id)
        }
        return try Order(row)
    }

    /// Moves `order` to `status` when its rules allow, and records the event with `note`.
    func changeStatus(of order: Order, to status: OrderStatus, now: Int64, note: String) throws {
        guard order.status.canChange(to: status) else { throw OrderError.cannotChange(from: order.status, to: status) }
        try database.execute(
            "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", [.text(status.rawValue), .integer(now), .integer(order.id)])
        try recordEvent(order.id, status: status, now: now, note: note)
    }

    /// Adds an entry to the order's history.
    func recordEvent(_ orderID: Int64, status: OrderStatus, now: Int64, note: String) throws {
        try database.execute(
            "INSERT INTO order_events (order_id, at, status, note) VALUES (?, ?, ?, ?)",
            [.integer(orderID), .integer(now), .text(status.rawValue), .text(note)])
    }

    /// Records that the provider's event `eventID` is being processed; false when it already
    /// was. Call in the transaction that has the event's effect, so the two commit together.
    func recordWebhookEvent(provider: String, eventID: String, now: Int64) throws -> Bool {
        try database.execute(
            """
            INSERT INTO webhook_events (provider, event_id, received_at) VALUES (?, ?, ?)
            ON CONFLICT (provider, event_id) DO NOTHING
            """, [.text(provider), .text(eventID), .integer(now)]) > 0
    }
}
