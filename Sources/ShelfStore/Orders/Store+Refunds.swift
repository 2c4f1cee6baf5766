public import ShelfCore

extension Store {
    /// Records money given back on an order, against its payments that took money (oldest
    /// first), with an entry in its history; returns false, changing nothing, when a refund with
    /// this provider `reference` is already recorded for the order.
    ///
    /// No payment can refund more than it took: more than the payments have left to give back
    /// throws ``OrderError/overRefund(requested:refundable:)``, a currency other than the
    /// order's ``OrderError/amountMismatch(expected:received:)``. The order's status does not
    /// change; cancel it separately when it will not ship.
    @discardableResult
    public func recordRefund(_ orderID: Int64, amount: Money, reference: String?, now: Int64) throws -> Bool {
        try database.transaction {
            let order = try existingOrder(orderID)
            guard amount.currency == order.amounts.currency else {
                throw OrderError.amountMismatch(expected: order.amounts.total, received: amount)
            }
            if let reference, try isRefundRecorded(reference, orderID: orderID) { return false }
            let payments = try database.query(
                """
                SELECT \(Payment.columns) FROM payments
                WHERE order_id = ? AND status IN ('succeeded', 'partially_refunded') ORDER BY attempt
                """, [.integer(orderID)]
            ).map(Payment.init)
            let refundable = payments.reduce(0) { $0 + $1.amounts.refundable }
            guard amount.minorUnits > 0 else { throw OrderError.refundNotPositive(amount) }
            guard amount.minorUnits <= refundable else {
                throw OrderError.overRefund(requested: amount, refundable: Money(minorUnits: refundable, currency: amount.currency))
            }
            var left = amount.minorUnits
            for payment in payments where left > 0 && payment.amounts.refundable > 0 {
                let part = Money(minorUnits: min(left, payment.amounts.refundable), currency: amount.currency)
                let amounts = try payment.amounts.refunding(part)
                try database.execute(
                    "UPDATE payments SET refunded_minor = ?, status = ?, updated_at = ? WHERE id = ?",
                    [.integer(amounts.refunded), .text(amounts.capturedStatus.rawValue), .integer(now), .integer(payment.id)])
                try database.execute(
                    "INSERT INTO refunds (payment_id, amount_minor, reference, created_at) VALUES (?, ?, ?, ?)",
                    [.integer(payment.id), .integer(part.minorUnits), .text(reference), .integer(now)])
                left -= part.minorUnits
            }
            let by = reference.map { " (\($0))" } ?? ""
            try recordEvent(orderID, status: order.status, now: now, note: "refunded \(amount)\(by)")
            try enqueue(
                .refundIssued, orderID: orderID, recipient: order.address.email, data: ["amount_minor": String(amount.minorUnits)], now: now
            )
            return true
        }
    }

    private func isRefundRecorded(_ reference: String, orderID: Int64) throws -> Bool {
        try !database.query(
            """
            SELECT refunds.id FROM refunds JOIN payments ON payments.id = refunds.payment_id
            WHERE payments.order_id = ? AND refunds.reference = ?
            """, [.integer(orderID), .text(reference)]
        ).isEmpty
    }
}
