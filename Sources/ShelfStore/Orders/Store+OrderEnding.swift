import ShelfCore

extension Store {
    /// Cancels an order and gives its stock back: the reservation of an order awaiting payment,
    /// the allocation of a paid one.
    ///
    /// Money the order's payments took and did not give back yet is either refunded with the
    /// cancellation, `refund` being what the provider returned (its amount and reference,
    /// recorded against the payments as ``recordRefund(_:amount:reference:now:)`` does), or kept
    /// when `refund` is nil. The shopper's cancellation email, queued in the same transaction,
    /// says which: the amount refunded, or the amount not refunded with the cancellation.
    ///
    /// Throws ``OrderError/cannotChange(from:to:)`` for an order already cancelled, expired or
    /// shipped, before anything changes. `note` goes into the order's history (`out of stock
    /// after a miscount`).
    public func cancelOrder(_ id: Int64, now: Int64, note: String, refund: CancellationRefund? = nil) throws {
        try database.transaction {
            let order = try existingOrder(id)
            let version = try nextStockVersion()
            try changeStatus(of: order, to: .cancelled, now: now, note: note)
            try releaseHolds(ofOrder: id, version: version)
            try advanceStockVersionIfUsed(version)
            var data: [String: String] = [:]
            if let refund {
                try self.refund(id, amount: refund.amount, reference: refund.reference, paymentID: nil, now: now, notify: false)
                data["cancel_refund_minor"] = String(refund.amount.minorUnits)
            }
            let kept = try refundable(ofOrder: id)
            if kept > 0 { data["cancel_kept_minor"] = String(kept) }
            // A card order never paid was never confirmed to the shopper: nothing to take back.
            if order.status != .pendingPayment {
                try enqueue(.orderCancelled, orderID: id, recipient: order.address.email, data: data, now: now)
            }
        }
        if let refund { countRefund(id, amount: refund.amount.minorUnits, now: now) }
    }

    /// The money the order's payments took and have not given back, in minor units.
    public func refundable(ofOrder id: Int64) throws -> Int64 {
        try database.query(
            "SELECT COALESCE(SUM(captured_minor - refunded_minor), 0) AS left FROM payments WHERE order_id = ?", [.integer(id)]
        ).first?.int64("left") ?? 0
    }

    /// Expires every order awaiting payment whose hold ended before `now`, gives its stock back,
    /// and returns the ids of the orders expired, in one transaction.
    ///
    /// Manual-transfer orders expire too, after the longer hold their checkout gives them, so
    /// an order never paid cannot keep stock forever. When nothing is due this is one indexed
    /// read and takes no write lock, so functions can call it on every request that reads stock.
    @discardableResult
    public func expireOrders(now: Int64) throws -> [Int64] {
        guard try !dueOrderIDs(now: now).isEmpty else { return [] }
        return try database.transaction { try expireDueOrders(now: now) }
    }

    /// Expires the due orders; call inside a write transaction.
    @discardableResult
    func expireDueOrders(now: Int64) throws -> [Int64] {
        var version: Int64?
        var expired: [Int64] = []
        for id in try dueOrderIDs(now: now) {
            // Another process may have paid or expired it since the list was read.
            let order = try existingOrder(id)
            guard order.status.isAwaitingPayment, let until = order.reservedUntil, until < now else { continue }
            let current = try version ?? nextStockVersion()
            version = current
            try changeStatus(of: order, to: .expired, now: now, note: "not paid in time; stock released")
            try releaseHolds(ofOrder: id, version: current)
            expired.append(id)
        }
        if let version { try advanceStockVersionIfUsed(version) }
        return expired
    }

    private func dueOrderIDs(now: Int64) throws -> [Int64] {
        try database.query(
            """
            SELECT id FROM orders
            WHERE status IN ('pending_payment', 'awaiting_payment') AND reserved_until < ?
            ORDER BY id
            """, [.integer(now)]
        ).map { try $0.int64("id") }
    }
}
