import ShelfCore

/// The one order of a session that waits for its card payment, which placing an order again
/// reuses or replaces: a double-submitted payment step never holds the stock twice.
extension Store {
    /// The session's order waiting for payment when it is exactly what `draft` would place (the
    /// same lines at the same prices, address, shipping, amounts and provider): its hold is moved
    /// to `holdUntil` if that is later, and it is returned. A different one is cancelled and its
    /// stock released, and nil is returned. Call inside the placing transaction.
    func reuseOrReplaceOpenOrder(for draft: OrderDraft, holdUntil: Int64, now: Int64) throws -> Order? {
        guard let sessionID = draft.sessionID,
            let row = try database.query(
                "SELECT \(Order.columns) FROM orders WHERE session_id = ? AND status = 'pending_payment'", [.integer(sessionID)]
            ).first
        else { return nil }
        let open = try Order(row)
        if try isPlaced(draft, as: open) {
            try database.execute(
                "UPDATE orders SET reserved_until = ?, updated_at = ? WHERE id = ? AND reserved_until < ?",
                [.integer(holdUntil), .integer(now), .integer(open.id), .integer(holdUntil)])
            return try existingOrder(open.id)
        }
        let version = try nextStockVersion()
        try changeStatus(of: open, to: .cancelled, now: now, note: "replaced by a new checkout of a changed cart")
        try releaseHolds(ofOrder: open.id, version: version)
        try advanceStockVersionIfUsed(version)
        return nil
    }

    /// True when `order` is what placing `draft` would record.
    private func isPlaced(_ draft: OrderDraft, as order: Order) throws -> Bool {
        guard order.address == draft.address, order.shippingMethodID == draft.shippingMethodID, order.amounts == draft.amounts,
            order.provider == draft.provider
        else { return false }
        let placed = try database.query(
            "SELECT sku, quantity, unit_price_minor FROM order_lines WHERE order_id = ? AND hold = 'reserved'", [.integer(order.id)]
        ).map { "\(try $0.text("sku")) \(try $0.int("quantity")) \(try $0.int64("unit_price_minor"))" }
        let drafted = draft.lines.map { "\($0.sku) \($0.quantity) \($0.unitPrice.minorUnits)" }
        return Set(placed) == Set(drafted) && placed.count == drafted.count
    }
}
