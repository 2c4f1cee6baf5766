extension Migration {
    /// Wish lists: products a shopper saved, owned by an account or, for a guest, by a session.
    ///
    /// Exactly one owner per row. A guest's rows go with the session (expired sessions are swept
    /// as carts are); an account's go with the account. At login a guest's rows are copied into
    /// the account's list (``Store/logIn(_:tokenHash:replacing:now:lifetime:rehash:)``) before
    /// the guest session is deleted. `sku` is empty when the shopper saved the product rather than
    /// one variant, so the uniqueness per owner needs no NULL. The price (minor units) and whether
    /// anything was in stock when saved let the list say "price dropped" and "back in stock".
    static let wishlists = Migration(name: "wishlists") { dialect in
        [
            """
            CREATE TABLE wishlist_items (
                id \(dialect.generatedKey),
                customer_id BIGINT NULL REFERENCES customers (id) ON DELETE CASCADE,
                session_id BIGINT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                product_handle TEXT NOT NULL REFERENCES products (handle),
                sku TEXT NOT NULL DEFAULT '',
                added_at BIGINT NOT NULL,
                price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                in_stock INTEGER NOT NULL CHECK (in_stock IN (0, 1)),
                CHECK ((customer_id IS NULL) <> (session_id IS NULL)),
                UNIQUE (customer_id, product_handle, sku),
                UNIQUE (session_id, product_handle, sku)
            )
            """,
            "CREATE INDEX wishlist_items_by_session ON wishlist_items (session_id)",
        ]
    }
}
