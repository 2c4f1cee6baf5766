import ShelfCore

extension Store {
    /// Places an order: checks every line against the catalogue, reserves its stock and records
    /// the order, all in one write transaction, and returns it.
    ///
    /// Each variant is read again: an unknown, unpublished or removed SKU throws
    /// ``OrderError/unavailable(_:)``, a price other than the draft's throws
    /// ``OrderError/priceChanged(_:)``. Each line is then reserved with a conditional update that
    /// cannot take more than is available; when any line is short the order is refused with
    /// ``OrderError/short(_:)`` listing every short line, and nothing is reserved. Orders whose
    /// hold ran out are expired first in the same transaction, so their stock counts as free.
    ///
    /// The order starts `pendingPayment`, or `awaitingPayment` for ``Order/manualProvider``, and
    /// holds its stock until `now + seconds`; ``expireOrders(now:)`` then gives it back. Manual
    /// transfers take days, so give them a longer hold than a payment page.
    ///
    /// Placing is idempotent per session: while the session's order awaits its card payment,
    /// placing the same draft again returns that order (its hold extended to `now + seconds`),
    /// and placing a different one cancels it and releases its stock first. So a double-submitted
    /// payment step places one order and reserves its stock once. A draft from a session's cart
    /// is placed only while that cart still holds its lines, else ``OrderError/cartChanged`` is
    /// thrown (a transfer order empties its cart, so a second press cannot place it again).
    ///
    /// ```swift
    /// let draft = OrderDraft(lines: cart.map(OrderDraft.Line.init), address: address, shippingMethodID: "standard",
    ///                        shippingName: "Standard", amounts: OrderAmounts(quote, discountCode: nil), provider: "stripe")
    /// let order = try store.placeOrder(draft, now: now, holdFor: 30 * 60)
    /// ```
    public func placeOrder(_ draft: OrderDraft, now: Int64, holdFor seconds: Int64) throws -> Order {
        if let problem = draft.problem { throw OrderError.invalidDraft(problem) }
        guard seconds > 0 else { throw OrderError.invalidDraft("the stock must be held for some time, not \(seconds) seconds") }
        return try database.transaction {
            // One checkout of a session at a time: a double submit waits, then finds the first
            // one's order.
            if let sessionID = draft.sessionID { try lockSession(sessionID) }
            try expireDueOrders(now: now)
            if let sessionID = draft.sessionID, try !cart(of: sessionID, holds: draft.lines) { throw OrderError.cartChanged }
            if let open = try reuseOrReplaceOpenOrder(for: draft, holdUntil: now + seconds, now: now) { return open }
            try checkAgainstCatalogue(draft.lines)
            let version = try nextStockVersion()
            var short: [ShortLine] = []
            for line in draft.lines where try !reserve(line.quantity, of: line.sku, version: version) {
                short.append(ShortLine(sku: line.sku, requested: line.quantity, available: try available(of: line.sku)))
            }
            guard short.isEmpty else { throw OrderError.short(short) }
            try advanceStockVersion(to: version)
            let status: OrderStatus = draft.provider == Order.manualProvider ? .awaitingPayment : .pendingPayment
            let id = try insertOrder(draft, status: status, reservedUntil: now + seconds, now: now)
            try recordDiscounts(draft.discounts, orderID: id, email: draft.address.email, now: now)
            for (index, line) in draft.lines.enumerated() {
                try database.execute(
                    """
                    INSERT INTO order_lines (order_id, position, sku, title, options, unit_price_minor, quantity, line_total_minor, hold)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reserved')
                    """,
                    [
                        .integer(id), .int(index + 1), .text(line.sku), .text(line.title), .text(line.options),
                        .integer(line.unitPrice.minorUnits), .int(line.quantity), .integer(line.lineTotal.minorUnits),
                    ])
            }
            try recordEvent(id, status: status, now: now, note: "placed")
            // A card order is confirmed when it is paid; a transfer's shopper needs the
            // instructions now.
            if status == .awaitingPayment {
                try enqueue(.orderConfirmation, orderID: id, recipient: draft.address.email, now: now)
                // The transfer order is placed for good: its cart is done with.
                if let sessionID = draft.sessionID { try clearCheckout(sessionID: sessionID) }
            }
            return try existingOrder(id)
        }
    }

    /// True when the session's cart holds exactly these SKUs in these quantities.
    private func cart(of sessionID: Int64, holds lines: [OrderDraft.Line]) throws -> Bool {
        let cart = try database.query("SELECT sku, quantity FROM cart_lines WHERE session_id = ?", [.integer(sessionID)])
            .map { "\(try $0.text("sku")) \(try $0.int("quantity"))" }
        return cart.count == lines.count && Set(cart) == Set(lines.map { "\($0.sku) \($0.quantity)" })
    }

    /// Throws unless every line's variant is for sale at the line's price.
    private func checkAgainstCatalogue(_ lines: [OrderDraft.Line]) throws {
        let variants = try sellableVariants(skus: lines.map(\.sku))
        let unavailable = lines.filter { variants[$0.sku]?.isPublished != true }.map(\.sku)
        guard unavailable.isEmpty else { throw OrderError.unavailable(unavailable) }
        let changed = lines.filter { variants[$0.sku]?.price != $0.unitPrice }.map(\.sku)
        guard changed.isEmpty else { throw OrderError.priceChanged(changed) }
    }

    /// Inserts the order's row and returns its id.
    private func insertOrder(_ draft: OrderDraft, status: OrderStatus, reservedUntil: Int64, now: Int64) throws -> Int64 {
        let address = draft.address
        let amounts = draft.amounts
        let rows = try database.query(
            """
            INSERT INTO orders (status, session_id, email, name, street, street2, city, postal_code, country, phone,
                shipping_method_id, shipping_name, shipping_minor, subtotal_minor, discount_minor, discount_code,
                tax_minor, tax_rate_bp, tax_mode, total_minor, currency, provider, reserved_until, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """,
            [
                .text(status.rawValue), .integer(draft.sessionID), .text(address.email), .text(address.name), .text(address.street),
                .text(address.street2.isEmpty ? nil : address.street2), .text(address.city), .text(address.postalCode),
                .text(address.country), .text(address.phone.isEmpty ? nil : address.phone), .text(draft.shippingMethodID),
                .text(draft.shippingName), .integer(amounts.shipping.minorUnits), .integer(amounts.subtotal.minorUnits),
                .integer(amounts.discount.minorUnits), .text(amounts.discountCode), .integer(amounts.tax.minorUnits),
                .int(amounts.taxRate.basisPoints), .text(amounts.taxMode.rawValue), .integer(amounts.total.minorUnits),
                .text(amounts.currency.code), .text(draft.provider), .integer(reservedUntil), .integer(now), .integer(now),
            ])
        return try rows[0].int64("id")
    }
}
