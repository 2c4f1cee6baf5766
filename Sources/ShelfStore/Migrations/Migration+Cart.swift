extension Migration {
    /// A display snapshot of the catalogue for the functions, and the shoppers' sessions and carts.
    ///
    /// The content files stay the home of titles, options and images; the sync copies what a
    /// cart (and later an order) shows, so a function never reads content files and never trusts
    /// a name or price from the request. Rows synced before this migration get an empty title,
    /// which the next sync sees as a change and fills in.
    ///
    /// A session is known only by the SHA-256 of its cookie, in hex; the cookie itself is never
    /// stored. Times are Unix seconds. A session's cart lines go with it.
    static let cart = Migration(name: "cart") { dialect in
        [
            "ALTER TABLE products ADD COLUMN title TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE variants ADD COLUMN image_src TEXT NULL",
            "ALTER TABLE variants ADD COLUMN image_alt TEXT NULL",
            """
            CREATE TABLE variant_options (
                sku TEXT NOT NULL REFERENCES variants (sku),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (sku, position)
            )
            """,
            """
            CREATE TABLE sessions (
                id \(dialect.generatedKey),
                token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                CHECK (expires_at > created_at)
            )
            """,
            "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
            """
            CREATE TABLE cart_lines (
                session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                sku TEXT NOT NULL REFERENCES variants (sku),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                added_at BIGINT NOT NULL,
                position INTEGER NOT NULL CHECK (position > 0),
                PRIMARY KEY (session_id, sku)
            )
            """,
        ]
    }
}
