public import ShelfCore

extension Store {
    /// The lines of the session's cart in the order they were added, each with its variant as
    /// the database has it now: current price, stock, title, options and picture.
    public func cartLines(in session: Session) throws -> [CartLine] {
        let rows = try database.query(Self.cartLinesQuery, [.integer(session.id)])
        return try Self.sellableVariants(in: rows).map {
            CartLine(variant: $0.variant, quantity: try $0.row.int(at: Self.sellableColumnCount))
        }
    }

    /// The query of ``cartLines(in:)``, in the order the index `cart_lines_in_order` walks.
    static let cartLinesQuery = """
        SELECT \(Store.sellableColumns), cart_lines.quantity AS quantity FROM \(Store.sellableTables)
        JOIN cart_lines ON cart_lines.sku = variants.sku
        WHERE cart_lines.session_id = ?
        ORDER BY cart_lines.position, cart_lines.sku, variant_options.position
        """

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
            try add(sku, quantity: quantity, in: session, now: now, maxPerLine: maxPerLine, maxLines: maxLines)
        }
    }

    /// Adds to the cart of the session `claim` settles on, as
    /// ``addToCart(_:quantity:in:now:maxPerLine:maxLines:)`` does, in one write transaction with
    /// finding, extending or starting that session: a new shopper's add commits once, and an add
    /// that is refused leaves no new session and no moved expiry behind.
    ///
    /// ```swift
    /// let (change, claimed) = try store.addToCart("TEE-M", quantity: 1, claiming: claim, now: now, maxPerLine: 10)
    /// if claimed.outcome != .found { /* send the session cookie */ }
    /// ```
    public func addToCart(
        _ sku: String, quantity: Int, claiming claim: SessionClaim, now: Int64, maxPerLine: Int,
        maxLines: Int = CartRules.defaultMaxLines
    ) throws -> (change: CartChange, session: ClaimedSession) {
        try CartRules.checkAdded(quantity)
        return try database.transaction {
            let (claimed, line) = try settle(claim, before: sku, now: now)
            let change = try CartRules.settle(sku, requested: line.quantity + quantity, available: line.available, maxPerLine: maxPerLine)
            try write(change, over: line, in: claimed.session, now: now, maxLines: maxLines)
            return (change, claimed)
        }
    }

    /// Settles `claim` in the caller's write transaction and reads the line of `sku` in the
    /// session it settles on: the cookie's live session, extended by the claim's lifetime when a
    /// guest's expiry is more than its interval behind (a logged-in session keeps the lifetime
    /// chosen at login), or a new session after expired ones are swept away. On PostgreSQL the
    /// cookie's session row stays locked until the transaction ends.
    private func settle(_ claim: SessionClaim, before sku: String, now: Int64) throws -> (ClaimedSession, LineBefore) {
        if let hash = claim.tokenHash, let (session, line) = try liveSessionAndLine(of: sku, tokenHash: hash, now: now) {
            return (try keep(session, claimedBy: claim, tokenHash: hash, now: now), line)
        }
        let claimed = try startSession(for: claim, now: now)
        return (claimed, try lineBeforeChange(of: sku, in: claimed.session, now: now))
    }

    /// The add, inside the caller's write transaction.
    private func add(_ sku: String, quantity: Int, in session: Session, now: Int64, maxPerLine: Int, maxLines: Int) throws -> CartChange {
        let line = try lineBeforeChange(of: sku, in: session, now: now)
        let change = try CartRules.settle(sku, requested: line.quantity + quantity, available: line.available, maxPerLine: maxPerLine)
        try write(change, over: line, in: session, now: now, maxLines: maxLines)
        return change
    }

    /// Sets the session's line of `sku` to `quantity` units, capped like an add; 0 removes it.
    ///
    /// Throws as ``addToCart(_:quantity:in:now:maxPerLine:maxLines:)`` does, and for a negative
    /// quantity. Removing needs neither a sellable variant nor a live session.
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
            let line = try lineBeforeChange(of: sku, in: session, now: now)
            let change = try CartRules.settle(sku, requested: quantity, available: line.available, maxPerLine: maxPerLine)
            try write(change, over: line, in: session, now: now, maxLines: maxLines)
            return change
        }
    }

    /// Sets the line of `sku` in the live session stored under `tokenHash`, as
    /// ``setCartQuantity(_:to:in:now:maxPerLine:maxLines:)`` does, in one write transaction with
    /// finding that session (locked on PostgreSQL); nil, changing nothing, when no live session
    /// has that hash. The cart page's update and remove forms need no transaction of their own
    /// to look the session up.
    ///
    /// ```swift
    /// guard let (change, session) = try store.setCartQuantity("TEE-M", to: 2, inSessionOf: hash, now: now, maxPerLine: 10)
    /// else { /* the session has expired */ }
    /// ```
    public func setCartQuantity(
        _ sku: String, to quantity: Int, inSessionOf tokenHash: String, now: Int64, maxPerLine: Int,
        maxLines: Int = CartRules.defaultMaxLines
    ) throws -> (change: CartChange, session: Session)? {
        try CartRules.checkSet(quantity)
        return try database.transaction { () -> (change: CartChange, session: Session)? in
            guard quantity > 0 else {
                guard let session = try liveSession(tokenHash: tokenHash, now: now) else { return nil }
                try database.execute("DELETE FROM cart_lines WHERE session_id = ? AND sku = ?", [.integer(session.id), .text(sku)])
                return (CartChange(sku: sku, requested: 0, quantity: 0), session)
            }
            guard let (session, line) = try liveSessionAndLine(of: sku, tokenHash: tokenHash, now: now) else { return nil }
            let change = try CartRules.settle(sku, requested: quantity, available: line.available, maxPerLine: maxPerLine)
            try write(change, over: line, in: session, now: now, maxLines: maxLines)
            return (change, session)
        }
    }

    /// Removes the session's line of `sku` and returns whether there was one.
    @discardableResult
    public func removeFromCart(_ sku: String, in session: Session) throws -> Bool {
        try database.transaction {
            try database.execute("DELETE FROM cart_lines WHERE session_id = ? AND sku = ?", [.integer(session.id), .text(sku)]) > 0
        }
    }

    /// What a change of the session's line of `sku` starts from, read in one statement inside
    /// the transaction that writes the line (a cart change used to ask five questions for it).
    private struct LineBefore {
        /// The units the line holds; 0 when the cart has no line of `sku`.
        var quantity: Int
        /// The units the line may hold: on hand, less what orders hold, plus what the session's
        /// own order awaiting its card payment holds (placing the changed cart releases them
        /// first, so they are the shopper's to keep in the cart).
        var available: Int
        /// The lines of the session's cart, that one included.
        var lines: Int

        /// The line's state from a row of ``lineBeforeColumns``; throws when the variant cannot
        /// go into a cart.
        init(_ row: Row, sku: String) throws {
            guard let published = try row.optionalInt64("published"), let available = try row.optionalInt64("available") else {
                throw CartError.unknownItem(sku: sku)
            }
            guard published == 1, try row.bool("active") else { throw CartError.unavailable(sku: sku) }
            quantity = try row.optionalInt64("quantity").map(Int.init) ?? 0
            self.available = Int(available) + (try row.int("held"))
            lines = try row.int("lines")
        }
    }

    /// The columns of ``LineBefore`` over ``lineBeforeJoins``, for a query down from `sessions`,
    /// so that a session with no such variant is still a row.
    private static let lineBeforeColumns = """
        products.published AS published, variants.active AS active,
        stock.on_hand - stock.reserved - stock.allocated AS available,
        (SELECT COALESCE(SUM(order_lines.quantity), 0) FROM order_lines JOIN orders ON orders.id = order_lines.order_id
        WHERE orders.session_id = sessions.id AND orders.status = 'pending_payment' AND order_lines.sku = variants.sku
        AND order_lines.hold = 'reserved') AS held,
        (SELECT cart_lines.quantity FROM cart_lines WHERE cart_lines.session_id = sessions.id AND cart_lines.sku = variants.sku)
        AS quantity,
        (SELECT COUNT(*) FROM cart_lines WHERE cart_lines.session_id = sessions.id) AS lines
        """

    /// The variant ``lineBeforeColumns`` read, its SKU bound to the first placeholder.
    private static let lineBeforeJoins = """
        LEFT JOIN variants ON variants.sku = ?
        LEFT JOIN products ON products.handle = variants.product_handle
        LEFT JOIN stock ON stock.sku = variants.sku
        """

    /// The line of a SKU in the session of an id: the SKU, then the session's id.
    private static let lineBeforeQuery = """
        SELECT sessions.expires_at AS expires_at, \(lineBeforeColumns) FROM sessions \(lineBeforeJoins) WHERE sessions.id = ?
        """

    /// The live session of a token hash and its line of a SKU, on SQLite: the SKU, the hash, now.
    private static let liveSessionAndLineQuery = """
        SELECT sessions.id AS id, sessions.created_at AS created_at, sessions.expires_at AS expires_at,
        sessions.customer_id AS customer_id, \(lineBeforeColumns) FROM sessions \(lineBeforeJoins)
        WHERE sessions.token_hash = ? AND sessions.expires_at > ?
        """

    /// The live session stored under `tokenHash` and its line of `sku` before a change, inside
    /// the transaction that writes the line; nil when no live session has that hash. Throws as
    /// ``lineBeforeChange(of:in:now:)`` does when the variant cannot go into a cart.
    private func liveSessionAndLine(of sku: String, tokenHash: String, now: Int64) throws -> (Session, LineBefore)? {
        // PostgreSQL reads a statement's other rows as they were when it started, even after
        // waiting for the session's lock, so there the session is locked by a statement of its
        // own before the line is read. SQLite's write transaction has the database to itself,
        // and one statement answers both (one statement fewer in every add and update).
        guard database.dialect.forUpdate.isEmpty else {
            guard let session = try liveSession(tokenHash: tokenHash, now: now) else { return nil }
            return (session, try lineBeforeChange(of: sku, in: session, now: now))
        }
        let rows = try database.query(Self.liveSessionAndLineQuery, [.text(sku), .text(tokenHash), .integer(now)])
        guard let row = rows.first else { return nil }
        return (try Session(row), try LineBefore(row, sku: sku))
    }

    /// The line's state before a change; throws when the session has expired or the variant
    /// cannot go into a cart. Call inside the transaction that writes the line.
    private func lineBeforeChange(of sku: String, in session: Session, now: Int64) throws -> LineBefore {
        // The session's row is locked (on PostgreSQL) until the line is written, so concurrent
        // changes of one cart count one after another.
        try lockSession(session.id)
        let row = try database.query(Self.lineBeforeQuery, [.text(sku), .integer(session.id)]).first
        guard let row, try row.int64("expires_at") > now else { throw CartError.sessionExpired }
        return try LineBefore(row, sku: sku)
    }

    /// Writes the line `change` settled on, when it differs from what the line holds: a new
    /// line is dated `now` and goes last, an existing one keeps its place in the cart. Seconds
    /// cannot order two adds of the same second, so the place is a counter per cart, safe
    /// inside the write transaction. Throws ``CartError/tooManyLines(_:)`` when a new line
    /// finds the cart full.
    private func write(_ change: CartChange, over line: LineBefore, in session: Session, now: Int64, maxLines: Int) throws {
        // A line already at what was settled (an add stopped by the limit) changes nothing.
        guard change.quantity != line.quantity else { return }
        guard line.quantity == 0 else {
            try database.execute(
                "UPDATE cart_lines SET quantity = ? WHERE session_id = ? AND sku = ?",
                [.int(change.quantity), .integer(session.id), .text(change.sku)])
            return
        }
        if line.lines >= maxLines { throw CartError.tooManyLines(maxLines) }
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
