import ShelfCore

extension Store {
    /// The live session of a cookie with its cart's lines, as ``session(tokenHash:now:)`` and
    /// ``cartLines(in:)`` answer them, and the code its checkout in progress holds
    /// (``checkoutDraft(in:)``'s `code`), read in one statement: `cart.json`, asked for on every
    /// page a shopper opens, then costs the database one query, not three. Nil when no session
    /// has that hash or it has expired by `now`.
    ///
    /// ```swift
    /// guard let cart = try store.sessionCart(tokenHash: hash, now: now) else { ... }
    /// cart.lines; cart.checkoutCode
    /// ```
    public func sessionCart(
        tokenHash: String, now: Int64
    ) throws -> (session: Session, lines: [CartLine], checkoutCode: String?)? {
        // Left joins down from the session, so that a session with an empty cart is one row of
        // NULLs for the line; a line whose variant lacks its product or stock row is left out
        // below, as the inner joins of cartLines(in:) leave it out.
        let rows = try database.query(Self.sessionCartQuery, [.text(tokenHash), .integer(now)])
        guard let first = rows.first else { return nil }
        let lines = try Self.sellableVariants(in: rows.filter(Self.holdsSellableVariant)).map {
            CartLine(variant: $0.variant, quantity: try $0.row.int(at: SessionCartPlace.quantity))
        }
        let session = Session(
            id: try first.int64(at: SessionCartPlace.id), createdAt: try first.int64(at: SessionCartPlace.createdAt),
            expiresAt: try first.int64(at: SessionCartPlace.expiresAt), customerID: try first.optionalInt64(at: SessionCartPlace.customerID)
        )
        return (session, lines, try first.optionalText(at: SessionCartPlace.checkoutCode))
    }

    /// The places of the session's and the line's own columns in ``sessionCartQuery``, after the
    /// variant's.
    private enum SessionCartPlace {
        static let quantity = Store.sellableColumnCount, id = quantity + 1, createdAt = quantity + 2, expiresAt = quantity + 3
        static let customerID = quantity + 4, checkoutCode = quantity + 5
    }

    /// The query of ``sessionCart(tokenHash:now:)``, put together from ``sellableColumns`` once
    /// rather than on every `cart.json`; its columns are read by place (``SessionCartPlace``).
    /// Its order is the one the index `cart_lines_in_order` walks, so no row is sorted. A session
    /// has at most one checkout draft (its primary key), so that join adds no rows.
    static let sessionCartQuery = """
        SELECT \(Store.sellableColumns), cart_lines.quantity AS quantity, sessions.id AS id,
        sessions.created_at AS created_at, sessions.expires_at AS expires_at, sessions.customer_id AS customer_id,
        checkout_drafts.discount_code AS checkout_code
        FROM sessions
        LEFT JOIN checkout_drafts ON checkout_drafts.session_id = sessions.id
        LEFT JOIN cart_lines ON cart_lines.session_id = sessions.id
        LEFT JOIN variants ON variants.sku = cart_lines.sku
        LEFT JOIN products ON products.handle = variants.product_handle
        LEFT JOIN stock ON stock.sku = variants.sku
        LEFT JOIN variant_options ON variant_options.sku = variants.sku
        WHERE sessions.token_hash = ? AND sessions.expires_at > ?
        ORDER BY cart_lines.position, cart_lines.sku, variant_options.position
        """
}
