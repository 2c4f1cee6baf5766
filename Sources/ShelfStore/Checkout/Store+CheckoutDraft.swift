public import ShelfCore

extension Store {
    /// The session's checkout in progress, or nil before its first step.
    public func checkoutDraft(in session: Session) throws -> CheckoutDraft? {
        guard
            let row = try database.query(
                """
                SELECT email, name, street, street2, city, postal_code, country, phone, shipping_method_id, discount_code
                FROM checkout_drafts WHERE session_id = ?
                """, [.integer(session.id)]
            ).first
        else { return nil }
        var draft = CheckoutDraft()
        for field in Address.fields.map(\.name) { draft.address[field] = try row.text(field) }
        draft.shippingID = try row.optionalText("shipping_method_id")
        draft.code = try row.optionalText("discount_code")
        return draft
    }

    /// Keeps `draft` as the session's checkout in progress.
    public func saveCheckoutDraft(_ draft: CheckoutDraft, in session: Session, now: Int64) throws {
        let fields = Address.fields.map(\.name)
        let values: [SQLValue] = fields.map { .text(draft.address[$0]) }
        try database.transaction {
            _ = try database.execute(
                """
                INSERT INTO checkout_drafts (session_id, \(fields.joined(separator: ", ")), shipping_method_id, discount_code, updated_at)
                VALUES (?, \(fields.map { _ in "?" }.joined(separator: ", ")), ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET
                \(fields.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")),
                shipping_method_id = excluded.shipping_method_id, discount_code = excluded.discount_code,
                updated_at = excluded.updated_at
                """,
                [.integer(session.id)] + values + [
                    draft.shippingID.map { .text($0) } ?? .null, draft.code.map { .text($0) } ?? .null, .integer(now),
                ])
        }
    }

    /// After an order is placed for good (paid, or a transfer order placed): empties the
    /// session's cart and forgets the code and method, so the next checkout starts fresh (the
    /// address is kept for the shopper's next order). Call inside the transaction that records
    /// the order's change, so no crash leaves a paid order with its cart still full.
    func clearCheckout(sessionID: Int64) throws {
        try database.execute("DELETE FROM cart_lines WHERE session_id = ?", [.integer(sessionID)])
        try database.execute(
            "UPDATE checkout_drafts SET shipping_method_id = NULL, discount_code = NULL WHERE session_id = ?", [.integer(sessionID)])
    }

    /// Clears the session's checkout when its cart still holds exactly the order's lines: the
    /// cart that was paid for, never one the shopper filled again since.
    func clearCheckoutIfStillPaidFor(_ order: Order) throws {
        guard let sessionID = order.sessionID else { return }
        let cart = try database.query("SELECT sku, quantity FROM cart_lines WHERE session_id = ?", [.integer(sessionID)])
            .map { "\(try $0.text("sku")) \(try $0.int("quantity"))" }
        let ordered = try database.query("SELECT sku, quantity FROM order_lines WHERE order_id = ?", [.integer(order.id)])
            .map { "\(try $0.text("sku")) \(try $0.int("quantity"))" }
        if !cart.isEmpty, Set(cart) == Set(ordered) { try clearCheckout(sessionID: sessionID) }
    }
}
