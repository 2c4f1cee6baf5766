public import ShelfCore

extension Store {
    /// Everything about the order with `id`, or nil when there is none.
    public func order(_ id: Int64) throws -> OrderDetails? {
        guard let row = try database.query("SELECT \(Order.columns) FROM orders WHERE id = ?", [.integer(id)]).first else {
            return nil
        }
        let order = try Order(row)
        let currency = order.amounts.currency
        let lines = try database.query(
            """
            SELECT position, sku, title, options, unit_price_minor, quantity, line_total_minor, hold, shipped, missing
            FROM order_lines WHERE order_id = ? ORDER BY position
            """, [.integer(id)]
        ).map { try OrderLine($0, currency: currency) }
        let events = try database.query("SELECT at, status, note FROM order_events WHERE order_id = ? ORDER BY id", [.integer(id)])
            .map(OrderEvent.init)
        let payments = try database.query("SELECT \(Payment.columns) FROM payments WHERE order_id = ? ORDER BY attempt", [.integer(id)])
            .map(Payment.init)
        let refunds = try database.query(
            """
            SELECT refunds.id, refunds.payment_id, refunds.amount_minor, refunds.reference, refunds.created_at, payments.currency
            FROM refunds JOIN payments ON payments.id = refunds.payment_id
            WHERE payments.order_id = ? ORDER BY refunds.id
            """, [.integer(id)]
        ).map(Refund.init)
        return OrderDetails(
            order: order, lines: lines, events: events, payments: payments, refunds: refunds, shipments: try shipments(ofOrder: id),
            discountNames: try discountNames(ofOrder: id))
    }

    /// The orders, newest first; with `status`, only those in it.
    public func orders(status: OrderStatus? = nil) throws -> [OrderSummary] {
        let select = "SELECT \(OrderSummary.columns) FROM orders"
        let rows =
            if let status {
                try database.query("\(select) WHERE status = ? ORDER BY id DESC", [.text(status.rawValue)])
            } else {
                try database.query("\(select) ORDER BY id DESC")
            }
        return try rows.map(OrderSummary.init)
    }

    /// The session's newest order placed at or after `since`, or nil: where a repeated press of
    /// the payment step, finding the cart already emptied by that order, sends the shopper.
    public func latestOrder(ofSession sessionID: Int64, placedSince since: Int64) throws -> Order? {
        try database.query(
            "SELECT \(Order.columns) FROM orders WHERE session_id = ? AND created_at >= ? ORDER BY id DESC LIMIT 1",
            [.integer(sessionID), .integer(since)]
        ).first.map(Order.init)
    }
}
