import ShelfCore

extension Store {
    /// Starts an attempt to pay an order awaiting payment and returns it: the caller makes the
    /// provider's Idempotency-Key from the order number and ``PaymentAttempt/number``, then
    /// stores the provider's id with ``setPaymentReference(_:reference:now:)``.
    ///
    /// Throws ``OrderError/notPayable(_:)`` for an order that is not awaiting payment.
    public func startPaymentAttempt(_ orderID: Int64, provider: String, now: Int64) throws -> PaymentAttempt {
        try database.transaction {
            let order = try existingOrder(orderID)
            guard order.status.isAwaitingPayment else { throw OrderError.notPayable(order.status) }
            let row = try database.query(
                """
                INSERT INTO payments (order_id, provider, attempt, status, currency, created_at, updated_at)
                VALUES (?, ?, (SELECT COALESCE(MAX(attempt), 0) + 1 FROM payments WHERE order_id = ?), 'pending', ?, ?, ?)
                RETURNING id, attempt
                """,
                [.integer(orderID), .text(provider), .integer(orderID), .text(order.amounts.currency.code), .integer(now), .integer(now)])
            return PaymentAttempt(id: try row[0].int64("id"), orderID: orderID, number: try row[0].int("attempt"))
        }
    }

    /// Stores the provider's id of a pending attempt (a Stripe Checkout Session id), by which
    /// its webhooks find it. Throws ``OrderError/unknownPayment(_:)`` when no pending attempt
    /// has this id.
    public func setPaymentReference(_ attempt: PaymentAttempt, reference: String, now: Int64) throws {
        try database.transaction {
            let changed = try database.execute(
                "UPDATE payments SET reference = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
                [.text(reference), .integer(now), .integer(attempt.id)])
            guard changed > 0 else { throw OrderError.unknownPayment(attempt.id) }
        }
    }

    /// Records that an order was paid, at most once per webhook event, allocates its stock and
    /// empties the cart it was paid from, in one write transaction.
    ///
    /// - A confirmation whose `eventID` was already processed returns ``PaymentOutcome/duplicate``
    ///   and changes nothing; the event is recorded in the same transaction as its effect.
    /// - An amount or currency other than the order's total throws
    ///   ``OrderError/amountMismatch(expected:received:)`` and records nothing.
    /// - An order awaiting payment becomes paid; its reserved stock becomes allocated.
    /// - An order that expired becomes paid and its stock is allocated again if it is still
    ///   there; SKUs that are not are named in the history and returned in
    ///   ``PaymentOutcome/paidButShort(_:)``: the merchant refunds them.
    /// - A payment already recorded (the same provider reference, or for a payment without
    ///   one, any by the same provider) returns ``PaymentOutcome/alreadyPaid``.
    /// - A cancelled order, or one paid by another payment, records the payment and returns
    ///   ``PaymentOutcome/paidAfterCancellation`` or ``PaymentOutcome/paidAgain``, for the
    ///   caller to refund.
    ///
    /// ```swift
    /// let outcome = try store.markPaid(order.id, payment: PaymentConfirmation(
    ///     provider: "stripe", reference: session, amount: amount, eventID: event.id), now: now)
    /// ```
    public func markPaid(_ orderID: Int64, payment: PaymentConfirmation, now: Int64) throws -> PaymentOutcome {
        try database.transaction {
            if let eventID = payment.eventID, try !recordWebhookEvent(provider: payment.provider, eventID: eventID, now: now) {
                return .duplicate
            }
            let order = try existingOrder(orderID)
            guard payment.amount == order.amounts.total else {
                throw OrderError.amountMismatch(expected: order.amounts.total, received: payment.amount)
            }
            switch try match(payment, of: order) {
            case .recorded:
                // The payment counted already, but the cart may have outlived it (a crash before
                // this clearing shared the payment's transaction, or a repeated confirmation).
                try clearCheckoutIfStillPaidFor(order)
                return .alreadyPaid
            case .attempt(let id): try recordCapture(payment, of: order, attempt: id, now: now)
            case .new: try recordCapture(payment, of: order, attempt: nil, now: now)
            }
            let paidBy = "paid \(payment.amount) through \(payment.provider)" + (payment.reference.map { " (\($0))" } ?? "")
            switch order.status {
            case .pendingPayment, .awaitingPayment:
                for line in try heldLines(of: orderID, .reserved) {
                    try allocateReserved(line.quantity, of: line.sku)
                    try setHold(.allocated, orderID: orderID, position: line.position)
                }
                try changeStatus(of: order, to: .paid, now: now, note: paidBy)
                try enqueuePaidEmail(order, now: now)
                try clearPaidCheckout(order)
                return .paid
            case .expired:
                let short = try allocateAgain(orderID)
                let note = short.isEmpty ? "" : "; could not allocate \(short.joined(separator: ", ")): refund them"
                try changeStatus(of: order, to: .paid, now: now, note: "\(paidBy) after the order expired\(note)")
                try enqueuePaidEmail(order, now: now)
                try clearCheckoutIfStillPaidFor(order)
                return short.isEmpty ? .paid : .paidButShort(short)
            case .paid, .partiallyShipped, .shipped, .delivered:
                try recordEvent(orderID, status: order.status, now: now, note: "\(paidBy) again; refund this payment")
                return .paidAgain
            case .cancelled:
                try recordEvent(orderID, status: .cancelled, now: now, note: "\(paidBy) after cancellation; refund this payment")
                return .paidAfterCancellation
            }
        }
    }

    /// Records that a payment attempt failed (a declined card): an entry in the order's history,
    /// and the attempt with that reference marked failed. The order keeps awaiting payment and
    /// its stock stays reserved until the order expires. Returns false, changing nothing, when
    /// the webhook event `eventID` was already processed.
    @discardableResult
    public func recordPaymentFailure(
        _ orderID: Int64, provider: String, reference: String?, reason: String, eventID: String?, now: Int64
    ) throws -> Bool {
        try database.transaction {
            if let eventID, try !recordWebhookEvent(provider: provider, eventID: eventID, now: now) {
                return false
            }
            let order = try existingOrder(orderID)
            if let reference {
                try database.execute(
                    """
                    UPDATE payments SET status = 'failed', updated_at = ?
                    WHERE order_id = ? AND provider = ? AND reference = ? AND status = 'pending'
                    """, [.integer(now), .integer(orderID), .text(provider), .text(reference)])
            }
            let by = provider + (reference.map { " (\($0))" } ?? "")
            try recordEvent(orderID, status: order.status, now: now, note: "payment through \(by) failed: \(reason)")
            return true
        }
    }

    /// Empties the cart a card order was paid from, in the payment's transaction. A transfer
    /// order's cart was emptied when it was placed; the shopper may have filled it again since.
    private func clearPaidCheckout(_ order: Order) throws {
        guard order.provider != Order.manualProvider, let sessionID = order.sessionID else { return }
        try clearCheckout(sessionID: sessionID)
    }

    /// The email a payment sends: the confirmation of a card order, or news that the transfer
    /// of an order confirmed when it was placed arrived.
    private func enqueuePaidEmail(_ order: Order, now: Int64) throws {
        let email: Email = order.provider == Order.manualProvider ? .paymentReceived : .orderConfirmation
        try enqueue(email, orderID: order.id, recipient: order.address.email, now: now)
    }

    /// Which of the order's payments a confirmation completes.
    private enum PaymentMatch {
        /// The payment is already recorded as taken.
        case recorded
        /// This pending or failed attempt.
        case attempt(Int64)
        /// None: the payment is new.
        case new
    }

    /// Finds the payment a confirmation is about: by the provider's reference when it has one,
    /// else the latest pending attempt by the same provider without a reference.
    private func match(_ payment: PaymentConfirmation, of order: Order) throws -> PaymentMatch {
        if let reference = payment.reference {
            let rows = try database.query(
                "SELECT id, order_id, status FROM payments WHERE provider = ? AND reference = ?",
                [.text(payment.provider), .text(reference)])
            guard let row = rows.first else { return .new }
            let owner = try row.int64("order_id")
            guard owner == order.id else {
                throw OrderError.referenceInUse(provider: payment.provider, reference: reference, orderID: owner)
            }
            return PaymentStatus(rawValue: try row.text("status"))?.hasCaptured == true ? .recorded : .attempt(try row.int64("id"))
        }
        let taken = try database.query(
            """
            SELECT id FROM payments
            WHERE order_id = ? AND provider = ? AND status IN ('succeeded', 'partially_refunded', 'refunded')
            """, [.integer(order.id), .text(payment.provider)])
        guard taken.isEmpty else { return .recorded }
        let pending = try database.query(
            """
            SELECT id FROM payments WHERE order_id = ? AND provider = ? AND reference IS NULL AND status = 'pending'
            ORDER BY attempt DESC LIMIT 1
            """, [.integer(order.id), .text(payment.provider)])
        return try pending.first.map { .attempt(try $0.int64("id")) } ?? .new
    }

    /// Records the payment as taken in full: the `attempt` it completes, or a new one.
    private func recordCapture(_ payment: PaymentConfirmation, of order: Order, attempt: Int64?, now: Int64) throws {
        let amount = payment.amount.minorUnits
        if let attempt {
            try database.execute(
                """
                UPDATE payments SET status = 'succeeded', authorized_minor = ?, captured_minor = ?, charge = ?, updated_at = ?
                WHERE id = ?
                """, [.integer(amount), .integer(amount), .text(payment.charge), .integer(now), .integer(attempt)])
        } else {
            try database.execute(
                """
                INSERT INTO payments (order_id, provider, reference, attempt, status, authorized_minor, captured_minor,
                    charge, currency, created_at, updated_at)
                VALUES (?, ?, ?, (SELECT COALESCE(MAX(attempt), 0) + 1 FROM payments WHERE order_id = ?), 'succeeded', ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(order.id), .text(payment.provider), .text(payment.reference), .integer(order.id), .integer(amount),
                    .integer(amount), .text(payment.charge), .text(payment.amount.currency.code), .integer(now), .integer(now),
                ])
        }
    }

    /// The order's lines that hold `hold`.
    private func heldLines(of orderID: Int64, _ hold: OrderLine.Hold) throws -> [(position: Int, sku: String, quantity: Int)] {
        try database.query(
            "SELECT position, sku, quantity FROM order_lines WHERE order_id = ? AND hold = ? ORDER BY position",
            [.integer(orderID), .text(hold.rawValue)]
        ).map { (try $0.int("position"), try $0.text("sku"), try $0.int("quantity")) }
    }

    /// Allocates the released lines of an expired order where the stock is still there and
    /// marks the others short; returns the short SKUs.
    private func allocateAgain(_ orderID: Int64) throws -> [String] {
        let version = try nextStockVersion()
        var short: [String] = []
        for line in try heldLines(of: orderID, .released) {
            let allocated = try allocate(line.quantity, of: line.sku, version: version)
            try setHold(allocated ? .allocated : .short, orderID: orderID, position: line.position)
            if !allocated { short.append(line.sku) }
        }
        try advanceStockVersionIfUsed(version)
        return short
    }
}
