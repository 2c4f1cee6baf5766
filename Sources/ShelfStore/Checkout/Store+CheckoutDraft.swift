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

    /// After an order is paid: empties the session's cart and forgets the code and method, so
    /// the next checkout starts fresh (the address is kept for the shopper's next order).
    public func clearCheckout(sessionID: Int64) throws {
        try database.transaction {
            try database.execute("DELETE FROM cart_lines WHERE session_id = ?", [.integer(sessionID)])
            _ = try database.execute(
                "UPDATE checkout_drafts SET shipping_method_id = NULL, discount_code = NULL WHERE session_id = ?", [.integer(sessionID)])
        }
    }
}
