extension Migration {
    /// The six-digit sign-in codes emailed to shoppers.
    ///
    /// A code is kept only as a keyed hash (an HMAC under the store's session key, so a copy of
    /// the database cannot try the million codes), with its expiry, the wrong tries spent on it
    /// and the moment it was used. The fifth wrong try voids it.
    static let signInCodes = Migration(name: "sign_in_codes") { dialect in
        [
            """
            CREATE TABLE sign_in_codes (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                failed_tries INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
                used_at BIGINT NULL,
                CHECK (expires_at > created_at)
            )
            """,
            "CREATE INDEX sign_in_codes_by_customer ON sign_in_codes (customer_id, created_at)",
        ]
    }
}
