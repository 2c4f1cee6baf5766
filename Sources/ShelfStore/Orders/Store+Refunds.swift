public import ShelfCore

extension Store {
    /// Records money given back on an order, against its payments that took money (oldest
    /// first), with an entry in its history; returns false, changing nothing, when a refund with
    /// this provider `reference` is already recorded for the order.
    ///
    /// No payment can refund more than it took: more than the payments have left to give back
    /// throws ``OrderError/overRefund(requested:refundable:)``, a currency other than the
    /// order's ``OrderError/amountMismatch(expected:received:)``. The order's status does not
    /// change; cancel it separately when it will not ship. The analytics get a `refunded` event.
    @discardableResult
    public func recordRefund(_ orderID: Int64, amount: Money, reference: String?, now: Int64) throws -> Bool {
        let recorded = try database.transaction {
            try refund(orderID, amount: amount, reference: reference, paymentID: nil, now: now, notify: true)
        }
        if recorded { countRefund(orderID, amount: amount.minorUnits, now: now) }
        return recorded
    }

    /// Records a refund against the order's payments, or only `paymentID`, and with `notify` the
    /// shopper's refund email; call in a write transaction.
    @discardableResult
    func refund(_ orderID: Int64, amount: Money, reference: String?, paymentID: Int64?, now: Int64, notify: Bool) throws -> Bool {
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
        ).map(Payment.init).filter { paymentID == nil || $0.id == paymentID }
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
        if notify {
            try enqueue(
                .refundIssued, orderID: orderID, recipient: order.address.email, data: ["amount_minor": String(amount.minorUnits)],
                now: now)
        }
        return true
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

/// What ``Store/recordProviderRefund(_:charge:totalRefunded:reference:now:)`` did with a refund
/// the payment provider reported.
public enum ProviderRefundOutcome: Hashable, Sendable {
    /// The new part was recorded (and the shopper's email queued).
    case recorded(Money)
    /// Everything the provider reports was recorded already (a refund made with
    /// `shelf orders refund`, or the same event again).
    case alreadyRecorded
    /// The report does not fit the order; nothing was recorded. The reason is for the log.
    case refused(String)
}

extension Store {
    /// Records a refund the provider reports for one of its charges: `totalRefunded` is what the
    /// provider has refunded of that charge so far (Stripe's `amount_refunded`), so only the part
    /// not yet recorded is new, and it is recorded against that charge's payment.
    ///
    /// A report that does not fit the order is refused, recording nothing: another currency, a
    /// charge that is not one of the order's payments, one that took no money, or more refunded
    /// than it took. A verified report is never a reason to fail, so the caller acknowledges it
    /// and logs the reason for the merchant.
    public func recordProviderRefund(
        _ orderID: Int64, charge: String?, totalRefunded: Money, reference: String, now: Int64
    ) throws -> ProviderRefundOutcome {
        try database.transaction {
            let order = try existingOrder(orderID)
            guard totalRefunded.currency == order.amounts.currency else {
                return .refused("the refund is in \(totalRefunded.currency.code), the order in \(order.amounts.currency.code)")
            }
            guard let charge else { return .refused("the refund names no payment") }
            guard
                let payment = try database.query(
                    "SELECT \(Payment.columns) FROM payments WHERE order_id = ? AND charge = ?", [.integer(orderID), .text(charge)]
                ).first.map(Payment.init)
            else { return .refused("\(charge) is not a payment of this order") }
            guard payment.status.hasCaptured else { return .refused("\(charge) took no money (\(payment.status.rawValue))") }
            guard totalRefunded.minorUnits <= payment.amounts.captured else {
                return .refused("\(totalRefunded.minorUnits) refunded of \(charge), which took \(payment.amounts.captured)")
            }
            guard totalRefunded.minorUnits > payment.amounts.refunded else { return .alreadyRecorded }
            let new = Money(minorUnits: totalRefunded.minorUnits - payment.amounts.refunded, currency: totalRefunded.currency)
            let recorded = try refund(orderID, amount: new, reference: reference, paymentID: payment.id, now: now, notify: true)
            return recorded ? .recorded(new) : .alreadyRecorded
        }
    }
}
