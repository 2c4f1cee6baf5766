public import ShelfCore

extension Store {
    /// The most items one wish list holds.
    public static let wishlistCapacity = 200

    /// Saves the product (or one of its variants) on the owner's list, with its price and
    /// stock now; true when it was added, false when it was already there (nothing changes).
    ///
    /// ```swift
    /// try store.addToWishlist("fleece-jacket", for: WishlistOwner(session), now: now)
    /// ```
    @discardableResult
    public func addToWishlist(
        _ handle: String, sku: String? = nil, for owner: WishlistOwner, now: Int64, most: Int = Store.wishlistCapacity
    ) throws -> Bool {
        try database.transaction {
            if case .session(let id) = owner { try lockSession(id) }
            guard let (price, inStock) = try wishlistPrice(handle, sku: sku) else { throw WishlistError.unknownProduct(handle: handle) }
            let (condition, argument) = owner.condition
            if try !database.query(
                "SELECT 1 AS found FROM wishlist_items WHERE \(condition) AND product_handle = ? AND sku = ?",
                [argument, .text(handle), .text(sku ?? "")]
            ).isEmpty {
                return false
            }
            guard try wishlistCount(of: owner) < most else { throw WishlistError.full(most) }
            let (customer, session): (Int64?, Int64?) =
                switch owner {
                case .customer(let id): (id, nil)
                case .session(let id): (nil, id)
                }
            let added = try database.execute(
                """
                INSERT INTO wishlist_items (customer_id, session_id, \(WishlistItem.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                [
                    .integer(customer), .integer(session), .text(handle), .text(sku ?? ""), .integer(now), .integer(price.minorUnits),
                    .text(price.currency.code), .bool(inStock),
                ])
            return added > 0
        }
    }

    /// Takes the variant off the owner's list, or without a SKU the product with every variant
    /// of it saved (a heart stands for the whole product); true when something was there.
    @discardableResult
    public func removeFromWishlist(_ handle: String, sku: String? = nil, for owner: WishlistOwner) throws -> Bool {
        let (condition, argument) = owner.condition
        return try database.transaction {
            if let sku {
                try database.execute(
                    "DELETE FROM wishlist_items WHERE \(condition) AND product_handle = ? AND sku = ?",
                    [argument, .text(handle), .text(sku)])
            } else {
                try database.execute("DELETE FROM wishlist_items WHERE \(condition) AND product_handle = ?", [argument, .text(handle)])
            }
        } > 0
    }

    /// The owner's list, the most recently saved first.
    public func wishlist(of owner: WishlistOwner) throws -> [WishlistItem] {
        let (condition, argument) = owner.condition
        return try database.query(
            "SELECT \(WishlistItem.columns) FROM wishlist_items WHERE \(condition) ORDER BY added_at DESC, id DESC", [argument]
        ).map(WishlistItem.init)
    }

    /// How many items the owner's list holds.
    public func wishlistCount(of owner: WishlistOwner) throws -> Int {
        let (condition, argument) = owner.condition
        return try database.query("SELECT COUNT(*) AS items FROM wishlist_items WHERE \(condition)", [argument])[0].int("items")
    }

    /// The price a wish list records for the product or variant now (the variant's, or the
    /// product's lowest on sale) and whether any of it can be bought; nil when the product is
    /// unknown or unpublished, or the SKU is not one of its variants on sale.
    public func wishlistPrice(_ handle: String, sku: String?) throws -> (price: Money, inStock: Bool)? {
        let rows = try database.query(
            """
            SELECT variants.sku AS sku, variants.price_minor AS price_minor, variants.currency AS currency,
            stock.on_hand - stock.reserved - stock.allocated AS available
            FROM variants JOIN products ON products.handle = variants.product_handle JOIN stock ON stock.sku = variants.sku
            WHERE variants.product_handle = ? AND products.published = 1 AND variants.active = 1
            ORDER BY variants.position
            """, [.text(handle)])
        let chosen = try rows.filter { row in try sku == nil || row.text("sku") == sku }
        var lowest: Money?
        var inStock = false
        for row in chosen {
            let price = Money(minorUnits: try row.int64("price_minor"), currency: try Currency(code: try row.text("currency")))
            if lowest == nil || price.minorUnits < lowest!.minorUnits { lowest = price }
            if try row.int64("available") > 0 { inStock = true }
        }
        return lowest.map { ($0, inStock) }
    }
}
