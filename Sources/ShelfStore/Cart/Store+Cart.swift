public import ShelfCore

extension Store {
    /// The lines of the session's cart in the order they were added, each with its variant as
    /// the database has it now: current price, stock, title, options and picture.
    public func cartLines(in session: Session) throws -> [CartLine] {
        let rows = try database.query(
            """
            SELECT \(Self.sellableColumns), cart_lines.quantity AS quantity FROM \(Self.sellableTables)
            JOIN cart_lines ON cart_lines.sku = variants.sku
            WHERE cart_lines.session_id = ?
            ORDER BY cart_lines.position, variant_options.position
            """, [.integer(session.id)])
        return try Self.sellableVariants(in: rows).map { CartLine(variant: $0.variant, quantity: try $0.row.int("quantity")) }
    }

    /// Adds `quantity` units of `sku` to the session's cart (to its line, when it has one) and
    /// says what the line holds now: never more than is available nor than `maxPerLine`.
    ///
    /// Stock is read and the line written in one write transaction, so concurrent adds to a
    /// line all count. Throws a ``CartError`` the shopper can read: the SKU is unknown, not for
    /// sale or sold out, the quantity is not positive or too large, the session expired, or the
    /// cart already holds `maxLines` other lines.
    /// `maxPerLine` must be at least 1: it is a setting, checked when the settings are read.
    ///
    /// ```swift
    /// let change = try store.addToCart("TEE-FOREST-M", quantity: 1, in: session, now: now, maxPerLine: 10)
    /// ```
    @discardableResult
    public func addToCart(
        _ sku: String, quantity: Int, in session: Session, now: Int64, maxPerLine: Int, maxLines: Int = CartRules.defaultMaxLines
    ) throws -> CartChange {
        try CartRules.checkAdded(quantity)
        return try database.transaction {
            let variant = try variantForCart(sku, in: session, now: now)
            let current = try lineQuantity(of: sku, in: session)
            let change = try CartRules.settle(sku, requested: current + quantity, available: variant.available, maxPerLine: maxPerLine)
            if current == 0 { try checkRoomForALine(in: session, maxLines: maxLines) }
            try writeLine(change, in: session, now: now)
            return change
        }
    }

    /// Sets the session's line of `sku` to `quantity` units, capped like an add; 0 removes it.
    ///
    /// Throws as ``addToCart(_:quantity:in:now:maxPerLine:)`` does, and for a negative quantity.
    /// Removing needs neither a sellable variant nor a live session.
    @discardableResult
    public func setCartQuantity(
        _ sku: String, to quantity: Int, in session: Session, now: Int64, maxPerLine: Int, maxLines: Int = CartRules.defaultMaxLines
    ) throws -> CartChange {
        try CartRules.checkSet(quantity)
        guard quantity > 0 else {
            try removeFromCart(sku, in: session)
            return CartChange(sku: sku, requested: 0, quantity: 0)
        }
        return try database.transaction {
            let variant = try variantForCart(sku, in: session, now: now)
            let change = try CartRules.settle(sku, requested: quantity, available: variant.available, maxPerLine: maxPerLine)
            if try lineQuantity(of: sku, in: session) == 0 { try checkRoomForALine(in: session, maxLines: maxLines) }
            try writeLine(change, in: session, now: now)
            return change
        }
    }

    /// Throws ``CartError/tooManyLines(_:)`` when the session's cart has no room for one more line.
    private func checkRoomForALine(in session: Session, maxLines: Int) throws {
        let lines = try database.query("SELECT COUNT(*) AS lines FROM cart_lines WHERE session_id = ?", [.integer(session.id)])
        if try lines.first?.int("lines") ?? 0 >= maxLines { throw CartError.tooManyLines(maxLines) }
    }

    /// Removes the session's line of `sku` and returns whether there was one.
    @discardableResult
    public func removeFromCart(_ sku: String, in session: Session) throws -> Bool {
        try database.transaction {
            try database.execute("DELETE FROM cart_lines WHERE session_id = ? AND sku = ?", [.integer(session.id), .text(sku)]) > 0
        }
    }

    /// The variant `sku` when it can go into the session's cart; call inside the transaction
    /// that writes the line.
    private func variantForCart(_ sku: String, in session: Session, now: Int64) throws -> SellableVariant {
        // The session's row is locked (on PostgreSQL) until the line is written, so concurrent
        // changes of one cart count one after another.
        let expiry = try database.query(
            "SELECT expires_at FROM sessions WHERE id = ?\(database.dialect.forUpdate)", [.integer(session.id)]
        ).first
        guard let expiry, try expiry.int64("expires_at") > now else { throw CartError.sessionExpired }
        guard var variant = try sellableVariant(sku: sku) else { throw CartError.unknownItem(sku: sku) }
        guard variant.isPublished else { throw CartError.unavailable(sku: sku) }
        // The session's own order awaiting its card payment holds these units; placing the
        // changed cart releases them first, so they are the shopper's to keep in the cart.
        variant.reserved -= try reservedByOpenOrder(of: session, sku: sku)
        return variant
    }

    /// The units of `sku` that the session's order awaiting its card payment reserves.
    private func reservedByOpenOrder(of session: Session, sku: String) throws -> Int {
        try database.query(
            """
            SELECT COALESCE(SUM(order_lines.quantity), 0) AS held FROM order_lines JOIN orders ON orders.id = order_lines.order_id
            WHERE orders.session_id = ? AND orders.status = 'pending_payment' AND order_lines.sku = ? AND order_lines.hold = 'reserved'
            """, [.integer(session.id), .text(sku)]
        ).first?.int("held") ?? 0
    }

    /// The quantity of the session's line of `sku`; 0 when it has none.
    private func lineQuantity(of sku: String, in session: Session) throws -> Int {
        try database.query(
            "SELECT quantity FROM cart_lines WHERE session_id = ? AND sku = ?", [.integer(session.id), .text(sku)]
        ).first?.int("quantity") ?? 0
    }

    /// Writes the line `change` settled on; a new line is dated `now` and goes last, an existing
    /// one keeps its place in the cart. Seconds cannot order two adds of the same second, so the
    /// place is a counter per cart, safe inside the write transaction.
    private func writeLine(_ change: CartChange, in session: Session, now: Int64) throws {
        try database.execute(
            """
            INSERT INTO cart_lines (session_id, sku, quantity, added_at, position)
            VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE session_id = ?))
            ON CONFLICT (session_id, sku) DO UPDATE SET quantity = excluded.quantity
            """, [.integer(session.id), .text(change.sku), .int(change.quantity), .integer(now), .integer(session.id)])
    }
}

extension Store {
    /// Empties the session's cart, as after its order is placed; returns how many lines went.
    @discardableResult
    public func clearCart(in session: Session) throws -> Int {
        try database.transaction {
            try database.execute("DELETE FROM cart_lines WHERE session_id = ?", [.integer(session.id)])
        }
    }
}
